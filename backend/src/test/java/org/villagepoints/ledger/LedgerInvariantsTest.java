package org.villagepoints.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.ledger.LedgerAccounts.SystemAccount;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;

/**
 * Property test: random sequences of awards, redemptions, reversals, adjustments and expiry
 * (each seed reproducible) keep the ledger's invariants after every step: Σ entries = 0,
 * every balance = Σ its entries, no household below zero, every hash chain verifies.
 */
@MicronautTest(transactional = false)
class LedgerInvariantsTest extends ApiTest {

  @Inject PostingService posting;
  @Inject Corrections corrections;
  @Inject ExpiryService expiry;
  @Inject LedgerAccounts accounts;
  @Inject LedgerVerifier verifier;
  @Inject Sql sql;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(strings = {"lixin", "songlin", "ailin", "hedong", "laoling", "shanqian",
      "taoyuan", "xinglin", "liuan"})
  void randomOperationsKeepEveryInvariant(String slug) {
    Fixture f = new Fixture(sql);
    Random random = new Random(slug.hashCode());
    long village = f.village(slug);
    Caller actor = f.committee(slug);
    expiry.setPolicy(actor, village, new ExpiryPolicy("YEARLY", "03-31"));
    long issuance = accounts.system(village, SystemAccount.ISSUANCE);
    long shop = accounts.system(village, SystemAccount.SHOP);
    List<Long> households = new ArrayList<>();
    for (String code : List.of("H001", "H002", "H003", "H004")) {
      households.add(f.household(slug, code));
    }
    List<Long> transfers = new ArrayList<>();
    int thisYear = LocalDate.now(Sql.ZONE).getYear();
    for (int step = 0; step < 60; step++) {
      long household = households.get(random.nextInt(households.size()));
      long account = f.account(household);
      long before = f.balance(household);
      int op = random.nextInt(10);
      try {
        if (op < 4) {
          Instant when = LocalDate.of(thisYear - random.nextInt(3), 1 + random.nextInt(12), 10)
              .atStartOfDay(Sql.ZONE).toInstant();
          transfers.add(posting.post(actor, TransferRequest.of(village, TransferKind.AWARD,
              issuance, account, 1 + random.nextInt(30), "奖励", when, "TEST", null)).id());
        } else if (op < 7) {
          transfers.add(posting.post(actor, TransferRequest.of(village, TransferKind.REDEMPTION,
              account, shop, 1 + random.nextInt(40), "兑换", Instant.now(), "TEST", null)).id());
        } else if (op < 8 && !transfers.isEmpty()) {
          long target = transfers.get(random.nextInt(transfers.size()));
          transfers.add(corrections.reverse(actor, target, "冲正", TransferKind.REVERSAL).id());
        } else if (op < 9) {
          long points = random.nextInt(41) - 20;
          if (points != 0) {
            transfers.add(corrections.adjust(actor, household, points, "调整").id());
          }
        } else {
          expiry.expire(village, thisYear - 1 - random.nextInt(2));
        }
      } catch (ApiException refused) {
        // Refusals (overdraft, already reversed...) must leave the household untouched.
        assertThat(refused.status().getCode()).isIn(409, 422);
        assertThat(f.balance(household)).isEqualTo(before);
      }
      assertInvariants(f, village);
    }
  }

  private void assertInvariants(Fixture f, long village) {
    assertThat(f.villageSum(village)).isZero();
    assertThat(sql.number("""
        select count(*) from ledger_accounts a where a.village_id = ? and a.balance <>
          (select coalesce(sum(e.amount), 0) from ledger_entries e where e.account_id = a.id)""",
        village)).isZero();
    assertThat(sql.number("select count(*) from ledger_accounts where village_id = ?"
        + " and kind = 'HOUSEHOLD' and balance < 0", village)).isZero();
    VerifyReport report = verifier.verify(village, null);
    assertThat(report.problems()).isEmpty();
    assertThat(report.ok()).isTrue();
  }
}
