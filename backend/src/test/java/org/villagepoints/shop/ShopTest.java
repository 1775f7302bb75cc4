package org.villagepoints.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.ledger.LedgerVerifier;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

@MicronautTest(transactional = false)
class ShopTest extends ApiTest {

  @Inject Sql sql;
  @Inject QrTokens qrTokens;
  @Inject LedgerVerifier verifier;
  private Fixture f;
  private long village;
  private String committee;
  private String shop;
  private long soap;
  private long oil;

  @BeforeAll
  void stockTheShop() {
    f = new Fixture(sql);
    village = f.village("laoling");
    committee = api().login("laoling-committee", "demo123");
    shop = api().login("laoling-shop", "demo123");
    soap = api().post("/api/villages/" + village + "/products",
        Map.of("name", "香皂", "unit", "块", "pricePoints", 5), shop).json().path("id").asLong();
    oil = api().post("/api/villages/" + village + "/products",
        Map.of("name", "食用油", "unit", "桶", "pricePoints", 30), shop).json().path("id").asLong();
    Res donation = api().post("/api/villages/" + village + "/donations", Map.of(
        "kind", "DONATION", "donorName", "示例农业公司", "donorType", "ENTERPRISE",
        "occurredOn", "2026-11-01", "valueYuan", 350,
        "items", List.of(Map.of("productId", soap, "quantity", 10),
            Map.of("productId", oil, "quantity", 2))), shop);
    assertThat(donation.status()).as(donation.body()).isEqualTo(201);
  }

  private long fund(String code, long points) {
    long household = f.household("laoling", code);
    api().post("/api/households/" + household + "/adjustments",
        Map.of("points", points, "reason", "测试发放"), committee);
    return household;
  }

  private String token(long household) {
    return qrTokens.issue(household, village).token();
  }

  private Res redeem(Map<String, Object> body, String key) {
    return api().post("/api/redemptions", body, shop, Map.of("Idempotency-Key", key));
  }

  private static Map<String, Object> items(long product, long quantity) {
    return Map.of("items", List.of(Map.of("productId", product, "quantity", quantity)));
  }

  private static Map<String, Object> with(Map<String, Object> a, String k, Object v) {
    Map<String, Object> m = new java.util.HashMap<>(a);
    m.put(k, v);
    return m;
  }

  @Test
  void aPhoneCodeRedeemsOnceAndARetryReplaysTheReceipt() {
    long household = fund("H001", 100);
    String token = token(household);
    String key = UUID.randomUUID().toString();
    Res first = redeem(with(items(soap, 2), "qrToken", token), key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    JsonNode receipt = first.json();
    assertThat(receipt.path("points").asLong()).isEqualTo(10);
    assertThat(receipt.path("balanceAfter").asLong()).isEqualTo(90);
    assertThat(receipt.path("items").get(0).path("name").asText()).isEqualTo("香皂");
    assertThat(redeem(with(items(soap, 2), "qrToken", token), key).body())
        .isEqualTo(first.body());
    Res replay = redeem(with(items(soap, 2), "qrToken", token), UUID.randomUUID().toString());
    assertThat(replay.code()).isEqualTo("QR_TOKEN_USED");
    assertThat(f.balance(household)).isEqualTo(90);
    JsonNode book = api().get("/api/households/" + household + "/entries", committee).json();
    assertThat(book.path("items").get(0).path("kind").asText()).isEqualTo("REDEMPTION");
    assertThat(book.path("items").get(0).path("reason").asText()).isEqualTo("兑换：香皂×2");
  }

  @Test
  void forgedExpiredAndForeignCodesAreRefused() {
    long household = fund("H002", 50);
    String token = token(household);
    String forged = token.substring(0, token.length() - 3) + "xyz";
    assertThat(redeem(with(items(soap, 1), "qrToken", forged), UUID.randomUUID().toString())
        .code()).isEqualTo("QR_TOKEN_INVALID");
    String otherHousehold = token.replaceFirst("VPQ1\\.\\d+\\.",
        "VPQ1." + f.household("laoling", "H003") + ".");
    assertThat(redeem(with(items(soap, 1), "qrToken", otherHousehold),
        UUID.randomUUID().toString()).code()).isEqualTo("QR_TOKEN_INVALID");
    assertThatThrownBy(() -> qrTokens.verify(token, Instant.now().plusSeconds(61)))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.code()).isEqualTo("QR_TOKEN_EXPIRED"));
    long foreign = f.household("ailin", "H001");
    String foreignToken = qrTokens.issue(foreign, f.village("ailin")).token();
    assertThat(redeem(with(items(soap, 1), "qrToken", foreignToken), UUID.randomUUID().toString())
        .status()).isEqualTo(403);
    assertThat(f.balance(household)).isEqualTo(50);
  }

  @Test
  void stockAndBalanceShortagesAreExplainedInChinese() {
    long household = fund("H004", 200);
    Res out = redeem(with(items(oil, 3), "qrToken", token(household)), UUID.randomUUID().toString());
    assertThat(out.status()).isEqualTo(409);
    assertThat(out.code()).isEqualTo("OUT_OF_STOCK");
    assertThat(out.json().path("detail").asText()).isEqualTo("“食用油”库存不足：只剩 2 桶");
    long poor = fund("H005", 12);
    Res broke = redeem(with(items(oil, 1), "qrToken", token(poor)), UUID.randomUUID().toString());
    assertThat(broke.code()).isEqualTo("INSUFFICIENT_POINTS");
    assertThat(broke.json().path("detail").asText()).isEqualTo("余额不足：还差 18 分");
    assertThat(api().get("/api/villages/" + village + "/products", shop).json().toString())
        .contains("\"stock\":2");
  }

  @Test
  void aCardNeedsThePinWhichIsThrottled() {
    long household = fund("H006", 40);
    String card = api().post("/api/households/" + household + "/card/reissue", "{}", committee)
        .json().path("payload").asText();
    String pin = api().post("/api/households/" + household + "/pin", "{}", committee).json()
        .path("pin").asText();
    String wrong = pin.equals("000000") ? "111111" : "000000";
    Res bad = redeem(with(with(items(soap, 1), "cardCode", card), "pin", wrong),
        UUID.randomUUID().toString());
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.code()).isEqualTo("WRONG_PIN");
    Res ok = redeem(with(with(items(soap, 1), "cardCode", card), "pin", pin),
        UUID.randomUUID().toString());
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    assertThat(ok.json().path("method").asText()).isEqualTo("CARD");
    for (int i = 0; i < 5; i++) {
      redeem(with(with(items(soap, 1), "cardCode", card), "pin", wrong), UUID.randomUUID().toString());
    }
    Res blocked = redeem(with(with(items(soap, 1), "cardCode", card), "pin", pin),
        UUID.randomUUID().toString());
    assertThat(blocked.status()).isEqualTo(429);
    assertThat(f.balance(household)).isEqualTo(35);
    api().post("/api/households/" + household + "/card/revoke", "{}", committee);
    assertThat(redeem(with(with(items(soap, 1), "cardCode", card), "pin", pin),
        UUID.randomUUID().toString()).code()).isEqualTo("CARD_REVOKED");
  }

  @Test
  void aRefundReturnsPointsAndStockOnce() {
    long household = fund("H007", 30);
    long id = redeem(with(items(soap, 1), "qrToken", token(household)),
        UUID.randomUUID().toString()).json().path("id").asLong();
    long stock = sql.number("select stock from products where id = ?", soap);
    Res refund = api().post("/api/redemptions/" + id + "/refund", Map.of("reason", "拿错了"), shop);
    assertThat(refund.status()).as(refund.body()).isEqualTo(201);
    assertThat(refund.json().path("refundedAt").isNull()).isFalse();
    assertThat(f.balance(household)).isEqualTo(30);
    assertThat(sql.number("select stock from products where id = ?", soap)).isEqualTo(stock + 1);
    assertThat(api().post("/api/redemptions/" + id + "/refund", "{}", committee).code())
        .isEqualTo("ALREADY_REFUNDED");
    assertThat(f.balance(household)).isEqualTo(30);
  }

  @Test
  void theStockBookAlwaysAddsUpAndCannotBeBypassed() {
    assertThat(sql.number("""
        select count(*) from products p where p.village_id = ? and p.stock <>
          (select coalesce(sum(quantity), 0) from stock_movements m where m.product_id = p.id)""",
        village)).isZero();
    assertThatThrownBy(() -> sql.update("update products set stock = 999 where id = ?", soap))
        .hasMessageContaining("stock_movements");
    assertThat(verifier.verify(village, null).ok()).isTrue();
    long towel = api().post("/api/villages/" + village + "/products",
        Map.of("name", "毛巾", "pricePoints", 8), shop).json().path("id").asLong();
    Res take = api().post("/api/villages/" + village + "/stocktakes", Map.of("reason", "月底盘点",
        "items", List.of(Map.of("productId", towel, "counted", 7))), shop);
    assertThat(take.json().path("changed").asInt()).isEqualTo(1);
    assertThat(sql.number("select stock from products where id = ?", towel)).isEqualTo(7);
    assertThat(sql.number("select count(*) from stock_movements where product_id = ?"
        + " and kind = 'STOCKTAKE' and quantity = 7", towel)).isEqualTo(1);
    JsonNode donors = api().get("/api/villages/" + village + "/donations/by-donor", committee)
        .json();
    assertThat(donors.get(0).path("donorName").asText()).isEqualTo("示例农业公司");
    assertThat(donors.get(0).path("valueYuan").asDouble()).isEqualTo(350.0);
  }
}
