package org.villagepoints.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.Role;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.ledger.LedgerAccounts;
import org.villagepoints.ledger.LedgerAccounts.SystemAccount;
import org.villagepoints.ledger.LedgerVerifier;
import org.villagepoints.ledger.PostingService;
import org.villagepoints.ledger.TransferKind;
import org.villagepoints.ledger.TransferRequest;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;

/** 200 real threads redeeming at once, on real PostgreSQL. */
@MicronautTest(transactional = false)
class ShopConcurrencyTest extends ApiTest {

  @Inject RedemptionService redemptions;
  @Inject ShopCatalog catalog;
  @Inject StockBook stock;
  @Inject QrTokens qr;
  @Inject PostingService posting;
  @Inject LedgerAccounts accounts;
  @Inject LedgerVerifier verifier;
  @Inject Sql sql;

  private Map<String, Integer> race(Caller attendant, long village, long household,
      long product) throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      tokens.add(qr.issue(household, village).token());
    }
    ExecutorService pool = Executors.newFixedThreadPool(200);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (String token : tokens) {
      results.add(pool.submit(() -> {
        start.await();
        try {
          redemptions.redeem(attendant, new RedeemRequest(token, null, null, null,
              List.of(new RedeemRequest.Line(product, 1L))), "127.0.0.1");
          return "OK";
        } catch (ApiException e) {
          return e.code();
        }
      }));
    }
    start.countDown();
    Map<String, Integer> outcomes = new HashMap<>();
    for (Future<String> r : results) {
      outcomes.merge(r.get(), 1, Integer::sum);
    }
    pool.shutdown();
    return outcomes;
  }

  private long[] setUp(String slug, String code, String productName, long balance, long units) {
    Fixture f = new Fixture(sql);
    long village = f.village(slug);
    Caller committee = f.committee(slug);
    long product = catalog.create(committee, village,
        new ProductForm(productName, "个", "日用品", 1L, true, 0)).id();
    stock.move(committee, village, product, "PURCHASE_IN", units, "采购", null, null);
    long household = f.household(slug, code);
    posting.post(committee, TransferRequest.of(village, TransferKind.AWARD,
        accounts.system(village, SystemAccount.ISSUANCE), accounts.household(household), balance,
        "奖励", Instant.now(), "TEST", null));
    return new long[] {village, household, product};
  }

  private Caller attendant(String slug, long village) {
    long user = sql.number("select id from users where username = ?", slug + "-shop");
    return new Caller(user, slug + "-shop", Role.SHOP_ATTENDANT, null, null, village, null, null);
  }

  @Test
  void limitedStockSellsExactlyWhatThereIs() throws Exception {
    long[] ids = setUp("shanqian", "H008", "火柴", 100, 60);
    Map<String, Integer> outcomes = race(attendant("shanqian", ids[0]), ids[0], ids[1], ids[2]);
    assertThat(outcomes).containsEntry("OK", 60).containsEntry("OUT_OF_STOCK", 140);
    assertThat(new Fixture(sql).balance(ids[1])).isEqualTo(40);
    assertThat(sql.number("select stock from products where id = ?", ids[2])).isZero();
    assertThat(sql.number("select count(*) from redemptions where household_id = ?", ids[1]))
        .isEqualTo(60);
    assertThat(verifier.verify(ids[0], null).ok()).isTrue();
  }

  @Test
  void aLimitedBalanceBuysExactlyWhatItAffords() throws Exception {
    long[] ids = setUp("songlin", "H009", "蜡烛", 50, 500);
    Map<String, Integer> outcomes = race(attendant("songlin", ids[0]), ids[0], ids[1], ids[2]);
    assertThat(outcomes).containsEntry("OK", 50).containsEntry("INSUFFICIENT_POINTS", 150);
    assertThat(new Fixture(sql).balance(ids[1])).isZero();
    assertThat(sql.number("select stock from products where id = ?", ids[2])).isEqualTo(450);
    assertThat(sql.number("select count(*) from qr_tokens where household_id = ?"
        + " and used_at is not null", ids[1])).isEqualTo(50);
    assertThat(verifier.verify(ids[0], null).ok()).isTrue();
  }
}
