package org.villagepoints.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

@MicronautTest(transactional = false)
class LedgerApiTest extends ApiTest {

  @Inject Sql sql;
  private Fixture f;
  private String committee;

  @BeforeAll
  void logIn() {
    f = new Fixture(sql);
    committee = api().login("lixin-committee", "demo123");
  }

  private Res adjust(long household, long points, String key) {
    return api().post("/api/households/" + household + "/adjustments",
        Map.of("points", points, "reason", "测试调整"), committee,
        key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  private Res reverse(long transfer, String key) {
    return api().post("/api/transfers/" + transfer + "/reverse", Map.of("reason", "录错了"),
        committee, key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  @Test
  void adjustmentsMovePointsBothWaysAndAnswerTheNewBalance() {
    long h = f.household("lixin", "H002");
    Res plus = adjust(h, 15, null);
    assertThat(plus.status()).isEqualTo(201);
    assertThat(plus.json().path("balanceAfter").asLong()).isEqualTo(15);
    assertThat(plus.json().path("transfer").path("kind").asText()).isEqualTo("ADJUSTMENT");
    Res minus = adjust(h, -5, null);
    assertThat(minus.json().path("balanceAfter").asLong()).isEqualTo(10);
    assertThat(api().get("/api/households/" + h, committee).json().path("balance").asLong())
        .isEqualTo(10);
  }

  @Test
  void overdraftIsRefusedWithTheMissingPointsInChinese() {
    long h = f.household("lixin", "H003");
    adjust(h, 8, null);
    Res res = adjust(h, -20, null);
    assertThat(res.status()).isEqualTo(409);
    assertThat(res.code()).isEqualTo("INSUFFICIENT_POINTS");
    assertThat(res.json().path("detail").asText()).isEqualTo("余额不足：还差 12 分");
    assertThat(res.json().path("data").path("missing").asLong()).isEqualTo(12);
    assertThat(f.balance(h)).isEqualTo(8);
  }

  @Test
  void zeroOrHugeAdjustmentsAreRefused() {
    long h = f.household("lixin", "H004");
    assertThat(adjust(h, 0, null).code()).isEqualTo("BAD_POINTS");
    assertThat(adjust(h, 10_000_000, null).status()).isEqualTo(422);
    Res notANumber = api().post("/api/households/" + h + "/adjustments",
        "{\"points\": \"很多\", \"reason\": \"x\"}", committee);
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(f.balance(h)).isZero();
  }

  @Test
  void aTransferIsReversedOnceAndARetryReplaysTheAnswer() {
    long h = f.household("lixin", "H005");
    long transfer = adjust(h, 12, null).json().path("transfer").path("id").asLong();
    assertThat(reverse(transfer, null).code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    Res first = reverse(transfer, "reverse-h005-0001");
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().path("reversesTransferId").asLong()).isEqualTo(transfer);
    Res retry = reverse(transfer, "reverse-h005-0001");
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    Res again = reverse(transfer, "reverse-h005-0002");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("ALREADY_REVERSED");
    assertThat(f.balance(h)).isZero();
  }

  @Test
  void reusingAKeyForADifferentRequestIs422AndChangesNothing() {
    long h = f.household("lixin", "H006");
    assertThat(adjust(h, 3, "same-key-h006-0001").status()).isEqualTo(201);
    Res reused = adjust(h, 4, "same-key-h006-0001");
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(f.balance(h)).isEqualTo(3);
    assertThat(adjust(h, 3, "bad key!").code()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
  }

  @Test
  void spentPointsCannotBeReversed() {
    long h = f.household("lixin", "H007");
    long award = adjust(h, 10, null).json().path("transfer").path("id").asLong();
    adjust(h, -6, null);
    Res res = reverse(award, "reverse-h007-0001");
    assertThat(res.status()).isEqualTo(409);
    assertThat(res.code()).isEqualTo("INSUFFICIENT_POINTS");
    assertThat(res.json().path("detail").asText()).contains("已被使用").contains("还差 6 分");
    assertThat(f.balance(h)).isEqualTo(4);
  }

  @Test
  void thePassbookIsNewestFirstWithSignedAmountsAndOnlyForTheOwnHousehold() {
    long h1 = f.household("lixin", "H001");
    adjust(h1, 20, null);
    adjust(h1, -5, null);
    String villager = api().login("lixin-h001", "123456");
    JsonNode book = api().get("/api/households/" + h1 + "/entries", villager).json();
    assertThat(book.path("balance").asLong()).isEqualTo(15);
    assertThat(book.path("total").asLong()).isEqualTo(2);
    assertThat(book.path("items").get(0).path("amount").asLong()).isEqualTo(-5);
    assertThat(book.path("items").get(0).path("balanceAfter").asLong()).isEqualTo(15);
    assertThat(book.path("items").get(1).path("amount").asLong()).isEqualTo(20);
    assertThat(book.path("items").get(0).path("reason").asText()).isEqualTo("测试调整");
    assertThat(book.path("items").get(0).path("occurredAt").asText()).endsWith("+08:00");
    long h2 = f.household("lixin", "H002");
    assertThat(api().get("/api/households/" + h2 + "/entries", villager).status()).isEqualTo(403);
    assertThat(api().get("/api/households/" + h1 + "/entries?from=2020-01-01&to=2020-12-31",
        villager).json().path("total").asLong()).isZero();
    assertThat(api().get("/api/households/" + h1 + "/entries?from=2021-01-01&to=2020-12-31",
        villager).code()).isEqualTo("BAD_PERIOD");
  }

  @Test
  void villagersCannotAdjustAndOtherVillagesCannotBeAdjusted() {
    String villager = api().login("lixin-h001", "123456");
    long own = f.household("lixin", "H001");
    assertThat(api().post("/api/households/" + own + "/adjustments",
        Map.of("points", 5, "reason", "x"), villager).status()).isEqualTo(403);
    long other = f.household("ailin", "H001");
    assertThat(adjust(other, 5, null).status()).isEqualTo(403);
    assertThat(f.balance(other)).isZero();
  }

  @Test
  void theDistrictVerifiesTheLedgerOthersMayNot() {
    adjust(f.household("lixin", "H008"), 9, null);
    String district = api().login("district", "demo123");
    JsonNode report = api().get("/api/ledger/verify", district).json();
    assertThat(report.path("ok").asBoolean()).isTrue();
    assertThat(report.path("entries").asLong()).isPositive();
    assertThat(report.path("accounts").asLong()).isGreaterThan(300);
    assertThat(api().get("/api/ledger/verify?villageId=" + f.village("lixin"), district)
        .json().path("ok").asBoolean()).isTrue();
    assertThat(api().get("/api/ledger/verify", committee).status()).isEqualTo(403);
  }

  @Test
  void theHouseholdListShowsBalances() {
    long h = f.household("lixin", "H009");
    adjust(h, 21, null);
    JsonNode items = api().get("/api/villages/" + f.village("lixin") + "/households?q=H009",
        committee).json().path("items");
    assertThat(items.get(0).path("balance").asLong()).isEqualTo(21);
  }
}
