package org.villagepoints.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.ledger.LedgerAccounts.SystemAccount;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

/** Real threads against real PostgreSQL. */
@MicronautTest(transactional = false)
class LedgerConcurrencyTest extends ApiTest {

  @Inject PostingService posting;
  @Inject LedgerAccounts accounts;
  @Inject LedgerVerifier verifier;
  @Inject Sql sql;

  private static <T> List<Future<T>> race(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return task.call();
      }));
    }
    start.countDown();
    pool.shutdown();
    return futures;
  }

  @Test
  void twoHundredThreadsSpendingFromAHouseholdThatCanAffordFiftyGetExactlyFifty()
      throws Exception {
    Fixture f = new Fixture(sql);
    long village = f.village("laoling");
    Caller actor = f.committee("laoling");
    long household = f.household("laoling", "H007");
    long account = f.account(household);
    long issuance = accounts.system(village, SystemAccount.ISSUANCE);
    long shop = accounts.system(village, SystemAccount.SHOP);
    posting.post(actor, TransferRequest.of(village, TransferKind.AWARD, issuance, account, 50,
        "志愿服务", Instant.now(), "TEST", null));

    List<Future<Boolean>> results = race(200, () -> {
      try {
        posting.post(actor, TransferRequest.of(village, TransferKind.REDEMPTION, account, shop, 1,
            "兑换 1 分", Instant.now(), "TEST", null));
        return true;
      } catch (ApiException e) {
        assertThat(e.code()).isEqualTo("INSUFFICIENT_POINTS");
        return false;
      }
    });
    int succeeded = 0;
    for (Future<Boolean> r : results) {
      succeeded += r.get() ? 1 : 0;
    }
    assertThat(succeeded).isEqualTo(50);
    assertThat(f.balance(household)).isZero();
    assertThat(sql.number("select balance from ledger_accounts where id = ?", shop)).isEqualTo(50);
    assertThat(verifier.verify(village, null).ok()).isTrue();
  }

  @Test
  void theVerifierFindsNothingWrongWhilePostingsCommitAlongsideIt() throws Exception {
    Fixture f = new Fixture(sql);
    long village = f.village("shanqian");
    Caller actor = f.committee("shanqian");
    long issuance = accounts.system(village, SystemAccount.ISSUANCE);
    List<Long> householdAccounts = sql.list("select id from ledger_accounts where village_id = ?"
        + " and household_id is not null order by id limit 8", rs -> rs.getLong(1), village);
    java.util.concurrent.atomic.AtomicBoolean writing =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    List<Future<Integer>> writers = race(3, () -> {
      for (int i = 0; i < 150; i++) {
        posting.post(actor, TransferRequest.of(village, TransferKind.AWARD, issuance,
            householdAccounts.get(i % householdAccounts.size()), 1, "志愿服务", Instant.now(), "TEST", null));
      }
      return 150;
    });
    List<VerifyReport> reports = new ArrayList<>();
    Thread watcher = new Thread(() -> {
      while (writing.get()) {
        reports.add(verifier.verify(village, null));
      }
    });
    watcher.start();
    for (Future<Integer> w : writers) {
      w.get();
    }
    writing.set(false);
    watcher.join();
    assertThat(reports).as("verifications during the postings").hasSizeGreaterThan(3);
    assertThat(reports).allSatisfy(r -> assertThat(r.problems()).isEmpty());
  }

  @Test
  void fiftyConcurrentRetriesWithOneKeyHaveOneEffectAndIdenticalAnswers() throws Exception {
    Fixture f = new Fixture(sql);
    long household = f.household("ailin", "H005");
    String token = api().login("ailin-committee", "demo123");
    long before = f.balance(household);
    String body = "{\"points\": 7, \"reason\": \"补录：帮扶困难户\"}";

    List<Future<Res>> results = race(50, () -> api().post(
        "/api/households/" + household + "/adjustments", body, token,
        Map.of("Idempotency-Key", "retry-key-ailin-h005-0001")));
    Set<String> bodies = new HashSet<>();
    Set<Integer> statuses = new HashSet<>();
    for (Future<Res> r : results) {
      bodies.add(r.get().body());
      statuses.add(r.get().status());
    }
    assertThat(statuses).containsExactly(201);
    assertThat(bodies).hasSize(1);
    assertThat(f.balance(household)).isEqualTo(before + 7);
    assertThat(sql.number("select count(*) from ledger_transfers t join ledger_accounts a"
        + " on a.id = t.to_account_id where a.household_id = ? and t.kind = 'ADJUSTMENT'",
        household)).isEqualTo(1);
  }
}
