package org.villagepoints.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.Paging;
import org.villagepoints.common.Sql;
import org.villagepoints.ledger.LedgerAccounts.SystemAccount;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;

@MicronautTest(transactional = false)
class ExpiryTest extends ApiTest {

  @Inject PostingService posting;
  @Inject ExpiryService expiry;
  @Inject LedgerAccounts accounts;
  @Inject LedgerQuery query;
  @Inject LedgerVerifier verifier;
  @Inject Sql sql;

  private final int lastYear = LocalDate.now(Sql.ZONE).getYear() - 1;

  private Instant inYear(int year, int month) {
    return LocalDate.of(year, month, 15).atStartOfDay(Sql.ZONE).toInstant();
  }

  /** 30 earned last year, 20 this year, 10 spent: spending takes last year's first. */
  private long[] setUp(String slug, String code) {
    Fixture f = new Fixture(sql);
    long village = f.village(slug);
    Caller actor = f.committee(slug);
    expiry.setPolicy(actor, village, new ExpiryPolicy("YEARLY", "01-01"));
    long household = f.household(slug, code);
    long account = f.account(household);
    long issuance = accounts.system(village, SystemAccount.ISSUANCE);
    long shop = accounts.system(village, SystemAccount.SHOP);
    posting.post(actor, List.of(
        TransferRequest.of(village, TransferKind.AWARD, issuance, account, 30, "去年奖励",
            inYear(lastYear, 6), "TEST", null),
        TransferRequest.of(village, TransferKind.AWARD, issuance, account, 20, "今年奖励",
            Instant.now(), "TEST", null),
        TransferRequest.of(village, TransferKind.REDEMPTION, account, shop, 10, "兑换",
            Instant.now(), "TEST", null)));
    return new long[] {village, household};
  }

  @Test
  void spendingTakesTheOldestPointsSoOnlyTheRestOfLastYearExpires() {
    long[] ids = setUp("lixin", "H010");
    Passbook before = query.passbook(ids[1], Paging.of(0, 10), null, null);
    assertThat(before.balance()).isEqualTo(40);
    // Expiry date 01-01 of this year has passed: last year's points are shown as expiring now.
    assertThat(before.expiring()).isNotNull();
    assertThat(before.expiring().points()).isEqualTo(20);
    assertThat(before.expiring().earnedYear()).isEqualTo(lastYear);

    assertThat(expiry.expire(ids[0], lastYear)).isEqualTo(20);
    assertThat(new Fixture(sql).balance(ids[1])).isEqualTo(20);
    assertThat(expiry.expire(ids[0], lastYear)).as("second run").isZero();
    assertThat(new Fixture(sql).balance(ids[1])).isEqualTo(20);
    assertThat(query.passbook(ids[1], Paging.of(0, 10), null, null).items().get(0).kind())
        .isEqualTo("EXPIRY");
    assertThat(verifier.verify(ids[0], null).ok()).isTrue();
  }

  @Test
  void twoInstancesRunningTheJobAtOnceExpireOnce() throws Exception {
    long[] ids = setUp("ailin", "H010");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Long>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(pool.submit(() -> expiry.expire(ids[0], lastYear)));
    }
    long total = 0;
    for (Future<Long> r : runs) {
      total += r.get();
    }
    pool.shutdown();
    assertThat(total).isEqualTo(20);
    assertThat(new Fixture(sql).balance(ids[1])).isEqualTo(20);
    assertThat(sql.number("select count(*) from ledger_transfers where kind = 'EXPIRY'"
        + " and village_id = ?", ids[0])).isEqualTo(1);
  }

  @Test
  void withoutAPolicyNothingIsShownAsExpiring() {
    Fixture f = new Fixture(sql);
    long household = f.household("liuan", "H001");
    assertThat(query.passbook(household, Paging.of(0, 10), null, null).expiring()).isNull();
    assertThat(expiry.villagesDue(LocalDate.now(Sql.ZONE))).doesNotContain(f.village("liuan"));
  }
}
