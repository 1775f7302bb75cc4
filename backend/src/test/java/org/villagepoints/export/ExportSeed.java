package org.villagepoints.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.villagepoints.common.Sql;
import org.villagepoints.shop.QrTokens;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi;
import org.villagepoints.support.TestApi.Res;

/**
 * A month of one village's activity made through the API as its people would: adjustments,
 * a posted meeting batch (H003's deed dated last month, then reversed), a batch in notice and
 * a draft, goods donated (and a purchase dated last month), redemptions (one refunded), a
 * stocktake, a rating round and a new household.
 */
final class ExportSeed {

  static final String AWARD_RULE = "婚事新办、丧事简办";
  final TestApi api;
  final Fixture f;
  final String slug;
  final long village;
  final String committee;
  final String shop;
  final YearMonth month = YearMonth.now(Sql.ZONE);
  private final Map<String, Long> rules = new HashMap<>();

  ExportSeed(TestApi api, Fixture f, String slug) {
    this.api = api;
    this.f = f;
    this.slug = slug;
    this.village = f.village(slug);
    this.committee = api.login(slug + "-committee", "demo123");
    this.shop = api.login(slug + "-shop", "demo123");
    for (JsonNode r : api.get("/api/villages/" + village + "/rules", committee).json()) {
      rules.put(r.path("name").asText(), r.path("id").asLong());
    }
  }

  long household(String code) {
    return f.household(slug, code);
  }

  ExportSeed all(QrTokens qr) {
    adjust("H001", 60, "期初补录");
    adjust("H002", 40, "期初补录");
    adjust("H002", -5, "更正多记的分");
    awards();
    shop(qr);
    rating();
    Res added = post("/api/villages/" + village + "/households", Map.of("code", "X900",
        "headName", "测试新户", "groupId", groupOf("H001"), "address", "测试路 9 号",
        "phone", "13800009000", "lowIncome", true, "members", List.of(
            Map.of("name", "测试新户", "relation", "HEAD"),
            Map.of("name", "测试配偶", "relation", "SPOUSE"))), committee);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return this;
  }

  void adjust(String code, long points, String reason) {
    Res res = api.post("/api/households/" + household(code) + "/adjustments",
        Map.of("points", points, "reason", reason), committee);
    assertThat(res.status()).as(res.body()).isEqualTo(201);
  }

  private void awards() {
    policy(0);
    Map<String, Object> lastMonth = item("H003", AWARD_RULE);
    lastMonth.put("occurredAt", month.minusMonths(1).atDay(15).atTime(9, 0).atZone(Sql.ZONE)
        .toOffsetDateTime().toString());
    long posted = batch("本月评议", List.of(item("H001", AWARD_RULE), lastMonth));
    assertThat(approve(posted).path("status").asText()).isEqualTo("POSTED");
    long award = api.get("/api/households/" + household("H003") + "/entries", committee).json()
        .path("items").get(0).path("transferId").asLong();
    Res reversed = api.post("/api/transfers/" + award + "/reverse", Map.of("reason", "评议有误"),
        committee, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(reversed.status()).as(reversed.body()).isEqualTo(201);
    policy(3);
    long notice = batch("公示中的评议", List.of(item("H004", AWARD_RULE)));
    assertThat(approve(notice).path("status").asText()).isEqualTo("NOTICE");
    batch("草稿评议", List.of(item("H005", AWARD_RULE)));
  }

  private void shop(QrTokens qr) {
    long soap = post("/api/villages/" + village + "/products",
        Map.of("name", "香皂", "unit", "块", "pricePoints", 5), shop).json().path("id").asLong();
    long rice = post("/api/villages/" + village + "/products",
        Map.of("name", "大米", "unit", "袋", "pricePoints", 20), shop).json().path("id").asLong();
    Res donation = post("/api/villages/" + village + "/donations", Map.of("kind", "DONATION",
        "donorName", "示例农业公司", "donorType", "ENTERPRISE",
        "occurredOn", LocalDate.now(Sql.ZONE).toString(), "valueYuan", 350.5,
        "items", List.of(Map.of("productId", soap, "quantity", 10),
            Map.of("productId", rice, "quantity", 4))), shop);
    assertThat(donation.status()).as(donation.body()).isEqualTo(201);
    Res purchase = post("/api/villages/" + village + "/donations", Map.of("kind", "PURCHASE",
        "donorName", "村集体经济", "donorType", "VILLAGE_FUNDS",
        "occurredOn", month.minusMonths(1).atDay(20).toString(), "valueYuan", 80,
        "items", List.of(Map.of("productId", rice, "quantity", 2))), shop);
    assertThat(purchase.status()).as(purchase.body()).isEqualTo(201);
    long first = redeem(qr, "H001", Map.of("productId", soap, "quantity", 2),
        Map.of("productId", rice, "quantity", 1));
    long second = redeem(qr, "H002", Map.of("productId", soap, "quantity", 1));
    assertThat(first).isNotEqualTo(second);
    Res refund = post("/api/redemptions/" + second + "/refund", Map.of("reason", "拿错了商品"),
        committee);
    assertThat(refund.status()).as(refund.body()).isEqualTo(201);
    Res count = post("/api/villages/" + village + "/stocktakes", Map.of("reason", "月末盘点",
        "items", List.of(Map.of("productId", soap, "counted", 6))), shop);
    assertThat(count.status()).as(count.body()).isEqualTo(201);
  }

  private long redeem(QrTokens qr, String code, Object... items) {
    Res res = api.post("/api/redemptions", Map.of("qrToken",
        qr.issue(household(code), village).token(), "items", List.of(items)), shop,
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(res.status()).as(res.body()).isEqualTo(201);
    return res.json().path("id").asLong();
  }

  private void rating() {
    long round = post("/api/villages/" + village + "/rating-rounds", Map.of("name",
        month.getMonthValue() + "月评比", "periodStart", month.atDay(1).toString(),
        "periodEnd", month.atEndOfMonth().toString()), committee).json().path("id").asLong();
    rate(round, "H001", 95);
    rate(round, "H002", 50);
  }

  private void rate(long round, String code, int score) {
    Map<String, Integer> scores = new HashMap<>();
    for (String key : List.of("yard", "indoors", "kitchen", "toilet", "around", "conduct")) {
      scores.put(key, score);
    }
    Map<String, Object> body = new HashMap<>(Map.of("scores", scores));
    if (score < 60) {
      body.put("followUpOn", month.atEndOfMonth().toString());
    }
    Res res = api.send("PUT", "/api/rating-rounds/" + round + "/ratings/" + household(code),
        "application/json", TestApi.write(body), committee);
    assertThat(res.status()).as(res.body()).isEqualTo(200);
  }

  private Map<String, Object> item(String code, String rule) {
    return new HashMap<>(Map.of("householdId", household(code), "ruleId", rules.get(rule),
        "note", "会议审定"));
  }

  private long batch(String title, List<Map<String, Object>> items) {
    Res res = api.post("/api/villages/" + village + "/award-batches", Map.of("title", title,
        "meetingDate", LocalDate.now(Sql.ZONE).toString(), "items", items), committee,
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(res.status()).as(res.body()).isEqualTo(201);
    return res.json().path("id").asLong();
  }

  private JsonNode approve(long batch) {
    return api.post("/api/award-batches/" + batch + "/approve", "{}", committee).json();
  }

  private void policy(int noticeDays) {
    api.send("PUT", "/api/villages/" + village + "/policy", "application/json",
        "{\"noticeDays\": " + noticeDays + "}", committee);
  }

  private long groupOf(String code) {
    return api.get("/api/households/" + household(code), committee).json().path("groupId")
        .asLong();
  }

  private Res post(String path, Object body, String token) {
    Res res = api.post(path, body, token);
    assertThat(res.status()).as(path + " " + res.body()).isBetween(200, 201);
    return res;
  }
}
