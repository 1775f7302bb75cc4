import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.villagepoints.common.Sql;
import org.villagepoints.ledger.ExpiryService;
import org.villagepoints.ledger.LedgerAccounts;
import org.villagepoints.ledger.LedgerAccounts.SystemAccount;
import org.villagepoints.ledger.LedgerVerifier;
import org.villagepoints.ledger.PostingService;
import org.villagepoints.ledger.TransferKind;
import org.villagepoints.ledger.TransferRequest;
import org.villagepoints.ledger.VerifyReport;

/**
 * Times PostingService posting one atomic batch of 500 AWARD transfers (there is no HTTP
 * endpoint for batches yet), against the PostgreSQL of a running service, then verifies the
 * whole ledger (balances and hash chains, including what pgbench wrote).
 *
 * <p>Run with the service's fat jar on the class path (Java 17 single-file source launcher):
 * {@code java -cp $JAR deploy/bench/BatchBench.java PG_PORT [WARMUP] [TIMED]}. Prints
 * machine-readable lines: BATCH_RESULT ... and VERIFY_RESULT ...
 */
public class BatchBench {

  static final int BATCH = 500;

  public static void main(String[] args) {
    int pgPort = Integer.parseInt(args[0]);
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int timed = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    String database = args.length > 3 ? args[3] : "postgres";
    Map<String, Object> props = new HashMap<>();
    props.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database);
    props.put("datasources.default.username", "postgres");
    props.put("datasources.default.password", "");
    props.put("vp.jwt-secret", "bench-only-secret-0123456789-abcdefghijklmnop");
    props.put("vp.jobs.enabled", "false");
    props.put("vp.demo", "false");
    // The running service has migrated the schema already.
    props.put("flyway.datasources.default.enabled", "false");
    try (ApplicationContext ctx = ApplicationContext.builder().properties(props).start()) {
      Sql sql = ctx.getBean(Sql.class);
      LedgerAccounts accounts = ctx.getBean(LedgerAccounts.class);
      PostingService posting = ctx.getBean(PostingService.class);

      // [household id, village id], all villages
      List<long[]> households = sql.list(
          "select id, village_id from households order by village_id, id",
          rs -> new long[] {rs.getLong(1), rs.getLong(2)});
      Map<Long, Long> issuance = new HashMap<>();
      Map<Long, Long> account = new HashMap<>();
      for (long[] h : households) {
        issuance.computeIfAbsent(h[1], v -> accounts.system(v, SystemAccount.ISSUANCE));
        account.put(h[0], accounts.household(h[0]));
      }
      long bigVillage = sql.number("select village_id from households group by village_id"
          + " order by count(*) desc, village_id limit 1");
      List<long[]> oneVillage = households.stream().filter(h -> h[1] == bigVillage).toList();

      run("all-villages", households, issuance, account, posting, warmup, timed);
      run("one-village", oneVillage, issuance, account, posting, warmup, timed);

      LedgerVerifier verifier = ctx.getBean(LedgerVerifier.class);
      boolean ok = true;
      long accountsChecked = 0;
      long entries = 0;
      long problems = 0;
      for (long district : sql.list("select id from districts order by id", rs -> rs.getLong(1))) {
        VerifyReport r = verifier.verify(null, district);
        ok &= r.ok();
        accountsChecked += r.accounts();
        entries += r.entries();
        problems += r.problems().size();
      }
      System.out.printf("VERIFY_RESULT ok=%s accounts=%d entries=%d problems=%d%n", ok,
          accountsChecked, entries, problems);
    }
  }

  /** Posts warmup + timed batches of 500 awards, cycling over the given households. */
  static void run(String name, List<long[]> households, Map<Long, Long> issuance,
      Map<Long, Long> account, PostingService posting, int warmup, int timed) {
    double[] ms = new double[timed];
    for (int round = 0; round < warmup + timed; round++) {
      List<TransferRequest> batch = new ArrayList<>(BATCH);
      Instant now = Instant.now();
      for (int i = 0; i < BATCH; i++) {
        long[] h = households.get((round * BATCH + i) % households.size());
        batch.add(TransferRequest.of(h[1], TransferKind.AWARD, issuance.get(h[1]),
            account.get(h[0]), 1, "bench batch", now, "AWARD_ITEM", null));
      }
      long t0 = System.nanoTime();
      posting.post(ExpiryService.SYSTEM, batch);
      double elapsed = (System.nanoTime() - t0) / 1e6;
      if (round >= warmup) {
        ms[round - warmup] = elapsed;
      }
    }
    Arrays.sort(ms);
    double median = timed % 2 == 1 ? ms[timed / 2] : (ms[timed / 2 - 1] + ms[timed / 2]) / 2;
    long distinct = households.stream().mapToLong(h -> h[0]).distinct().count();
    System.out.printf("BATCH_RESULT variant=%s transfers=%d households=%d villages=%d"
        + " batches=%d min_ms=%.1f median_ms=%.1f max_ms=%.1f%n", name, BATCH,
        Math.min(distinct, BATCH), households.stream().mapToLong(h -> h[1]).distinct().count(),
        timed, ms[0], median, ms[timed - 1]);
  }
}
