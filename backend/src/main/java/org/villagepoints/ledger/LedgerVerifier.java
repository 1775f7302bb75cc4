package org.villagepoints.ledger;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.villagepoints.ledger.VerifyReport.Problem;

/**
 * Recomputes every balance and every hash chain from the entries alone, streaming them in
 * account order so a district's ledger never sits in memory at once.
 */
@Singleton
public class LedgerVerifier {

  private static final int MAX_PROBLEMS = 1000;
  private final JdbcOperations jdbc;

  LedgerVerifier(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  record Head(long balance, long seq, String hash, String kind) {}

  /**
   * Verifies one village, or with {@code villageId} null every village of the district. Its
   * three queries read one snapshot (repeatable read): under read committed, postings that
   * commit between reading the account heads and reading the entries made a ledger in use
   * look broken (BALANCE_MISMATCH), as the crash benchmark found.
   */
  @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
  public VerifyReport verify(Long villageId, Long districtId) {
    String scope = villageId != null ? "a.village_id = ?"
        : "a.village_id in (select id from villages where district_id = ?)";
    long key = villageId != null ? villageId : districtId;
    Map<Long, Head> heads = new HashMap<>();
    jdbc.prepareStatement("select a.id, a.balance, a.last_seq, a.last_hash, a.kind"
        + " from ledger_accounts a where " + scope, ps -> {
          ps.setLong(1, key);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              heads.put(rs.getLong(1),
                  new Head(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
            }
          }
          return null;
        });
    List<Problem> problems = new ArrayList<>();
    long entries = jdbc.prepareStatement("""
        select e.id, e.account_id, e.account_seq, e.transfer_id, e.amount, e.balance_after,
          e.kind, e.occurred_at, e.recorded_at, e.prev_hash, e.hash
        from ledger_entries e join ledger_accounts a on a.id = e.account_id
        where %s order by e.account_id, e.account_seq""".formatted(scope), ps -> {
          ps.setLong(1, key);
          ps.setFetchSize(5000);
          try (ResultSet rs = ps.executeQuery()) {
            return walk(rs, heads, problems);
          }
        });
    jdbc.prepareStatement("""
        select min(e.account_id), e.transfer_id from ledger_entries e
        join ledger_accounts a on a.id = e.account_id where %s
        group by e.transfer_id having count(*) <> 2 or sum(e.amount) <> 0""".formatted(scope),
        ps -> {
          ps.setLong(1, key);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              add(problems, new Problem(rs.getLong(1), null, "TRANSFER_UNBALANCED"));
            }
          }
          return null;
        });
    return new VerifyReport(problems.isEmpty(), heads.size(), entries, problems);
  }

  /** One pass over the entries of all accounts, in account then sequence order. */
  private static long walk(ResultSet rs, Map<Long, Head> heads, List<Problem> problems)
      throws SQLException {
    long count = 0;
    long account = -1;
    long running = 0;
    long seq = 0;
    String prev = LedgerHash.GENESIS;
    Map<Long, Boolean> seen = new HashMap<>();
    while (rs.next()) {
      count++;
      long id = rs.getLong("id");
      long acc = rs.getLong("account_id");
      if (acc != account) {
        if (account != -1) {
          closeAccount(account, running, seq, prev, heads.get(account), problems);
        }
        account = acc;
        running = 0;
        seq = 0;
        prev = LedgerHash.GENESIS;
        seen.put(acc, true);
      }
      long amount = rs.getLong("amount");
      running += amount;
      seq++;
      if (rs.getLong("account_seq") != seq) {
        add(problems, new Problem(acc, id, "SEQUENCE_GAP"));
        seq = rs.getLong("account_seq");
      }
      if (rs.getLong("balance_after") != running) {
        add(problems, new Problem(acc, id, "RUNNING_BALANCE"));
      }
      String prevHash = rs.getString("prev_hash");
      if (!prevHash.equals(prev)) {
        add(problems, new Problem(acc, id, "CHAIN_BROKEN"));
      }
      String expected = LedgerHash.of(prevHash, acc, rs.getLong("account_seq"),
          rs.getLong("transfer_id"), amount, rs.getLong("balance_after"), rs.getString("kind"),
          rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant());
      String hash = rs.getString("hash");
      if (!expected.equals(hash)) {
        add(problems, new Problem(acc, id, "HASH_MISMATCH"));
      }
      prev = hash;
    }
    if (account != -1) {
      closeAccount(account, running, seq, prev, heads.get(account), problems);
    }
    for (Map.Entry<Long, Head> h : heads.entrySet()) {
      if (!seen.containsKey(h.getKey()) && (h.getValue().balance() != 0 || h.getValue().seq() != 0)) {
        add(problems, new Problem(h.getKey(), null, "BALANCE_MISMATCH"));
      }
    }
    return count;
  }

  private static void closeAccount(long account, long running, long seq, String lastHash,
      Head head, List<Problem> problems) {
    if (head.balance() != running) {
      add(problems, new Problem(account, null, "BALANCE_MISMATCH"));
    }
    if (!"ISSUANCE".equals(head.kind()) && running < 0) {
      add(problems, new Problem(account, null, "NEGATIVE_BALANCE"));
    }
    if (head.seq() != seq || !head.hash().equals(lastHash)) {
      add(problems, new Problem(account, null, "HEAD_MISMATCH"));
    }
  }

  private static void add(List<Problem> problems, Problem p) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(p);
    }
  }
}
