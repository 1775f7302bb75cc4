package org.villagepoints.standard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.auth.Caller;
import org.villagepoints.award.AwardBatches;
import org.villagepoints.award.AwardPolicies;
import org.villagepoints.award.PolicyForm;
import org.villagepoints.award.BatchForm;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

/**
 * 九有六无 through the API on the demo district: checklist CRUD, self-check → town review →
 * score, suggestions from the dashboard figures, ranking rounds against an independent
 * computation, and scope refusals (sampling: {@link SamplingApiTest}).
 */
@MicronautTest(transactional = false)
class StandardApiTest extends ApiTest {

  static final int YEAR = LocalDate.now(Sql.ZONE).getYear();
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I'};

  @Inject AwardBatches batches;
  @Inject AwardPolicies policies;
  @Inject Sql sql;

  private String district;
  private long districtId;

  @BeforeAll
  void postAwardsInLixin() {
    Fixture f = new Fixture(sql);
    long village = f.village("lixin");
    Caller committee = f.committee("lixin");
    policies.set(committee, village, new PolicyForm(0, null));
    List<Long> households = sql.list("select id from households where village_id = ?"
        + " and status = 'ACTIVE' order by id", rs -> rs.getLong(1), village);
    long rule = sql.number("select r.id from rules r join rule_versions v on v.id ="
        + " r.current_version where r.village_id = ? and r.active and v.points > 0 order by r.id"
        + " limit 1", village);
    List<BatchForm.Item> items = new ArrayList<>();
    for (int i = 0; i < households.size(); i += 2) {
      items.add(new BatchForm.Item(households.get(i), rule, "测试", "照片",
          OffsetDateTime.now(Sql.ZONE).minusHours(1), null));
    }
    batches.approve(committee, batches.create(committee, village,
        new BatchForm("评议", LocalDate.now(Sql.ZONE), null, items)));
    district = api().login("district", "demo123");
    districtId = sql.number("select district_id from villages where id = ?", village);
  }

  private long village(String slug) {
    return new Fixture(sql).village(slug);
  }

  private String token(String user) {
    return api().login(user, "demo123");
  }

  private Res put(String path, Object body, String token) {
    return api().send("PUT", path, "application/json", org.villagepoints.support.TestApi.write(
        body), token);
  }

  private static Map<String, Object> item(String kind, String title, int weight) {
    Map<String, Object> m = new HashMap<>();
    m.put("kind", kind);
    m.put("position", 50);
    m.put("title", title);
    m.put("description", "说明");
    m.put("evidence", "照片");
    m.put("weight", weight);
    return m;
  }

  /** Opens, answers (met alternating) and submits a village's self-check. */
  private JsonNode submitted(String slug, int year) {
    String committee = token(slug + "-committee");
    JsonNode check = api().post("/api/villages/" + village(slug) + "/self-checks",
        Map.of("year", year), committee).json();
    int i = 0;
    for (JsonNode a : check.path("answers")) {
      Res r = put("/api/self-checks/" + check.path("id").asLong() + "/answers/"
          + a.path("id").asLong(), Map.of("met", i++ % 3 != 0, "note", "说明"), committee);
      assertThat(r.status()).isEqualTo(200);
    }
    Res r = api().post("/api/self-checks/" + check.path("id").asLong() + "/submit", "",
        committee);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void theDemoChecklistHasNineYouAndSixWuExampleItemsAndTheDistrictEditsIt() {
    JsonNode items = api().get("/api/districts/" + districtId + "/standard-items", district)
        .json();
    long you = 0;
    long wu = 0;
    for (JsonNode i : items) {
      assertThat(i.path("title").asText()).startsWith("示例：");
      you += i.path("kind").asText().equals("YOU") ? 1 : 0;
      wu += i.path("kind").asText().equals("WU") ? 1 : 0;
    }
    assertThat(you).isEqualTo(9);
    assertThat(wu).isEqualTo(6);
    Res created = api().post("/api/districts/" + districtId + "/standard-items",
        item("YOU", "有新条目", 3), district);
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    Res updated = put("/api/standard-items/" + id, item("YOU", "有改过的条目", 4), district);
    assertThat(updated.json().path("title").asText()).isEqualTo("有改过的条目");
    assertThat(updated.json().path("weight").asInt()).isEqualTo(4);
    Map<String, Object> bad = item("YOU", "关联参与率", 3);
    bad.put("link", "PARTICIPATION_RATE");
    bad.put("threshold", 120);
    Res refused = api().post("/api/districts/" + districtId + "/standard-items", bad, district);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.code()).isEqualTo("BAD_THRESHOLD");
    assertThat(api().send("DELETE", "/api/standard-items/" + id, null, null, district).status())
        .isEqualTo(204);
    assertThat(api().get("/api/districts/" + districtId + "/standard-items", district).json())
        .hasSize(15);
  }

  @Test
  void editingTheChecklistLeavesASubmittedSelfCheckUnchanged() {
    JsonNode before = submitted("songlin", YEAR - 1);
    JsonNode first = before.path("answers").get(0);
    Map<String, Object> edit = item(first.path("kind").asText(), "示例：改写后的标题", 99);
    edit.put("position", first.path("position").asInt());
    assertThat(put("/api/standard-items/" + first.path("itemId").asLong(), edit, district)
        .status()).isEqualTo(200);
    long added = api().post("/api/districts/" + districtId + "/standard-items",
        item("WU", "无新问题", 2), district).json().path("id").asLong();
    JsonNode after = api().get("/api/self-checks/" + before.path("id").asLong(), district).json();
    assertThat(after.path("answers")).isEqualTo(before.path("answers"));
    assertThat(after.path("maxScore").asInt()).isEqualTo(before.path("maxScore").asInt());
    // put the item back and retire the new one, so other tests see the demo checklist
    Map<String, Object> back = item(first.path("kind").asText(), first.path("title").asText(),
        first.path("weight").asInt());
    back.put("position", first.path("position").asInt());
    back.put("description", first.path("description").asText());
    back.put("evidence", first.path("evidence").asText());
    back.put("link", first.path("link").isNull() ? null : first.path("link").asText());
    back.put("threshold", first.path("threshold").isNull() ? null
        : first.path("threshold").decimalValue());
    put("/api/standard-items/" + first.path("itemId").asLong(), back, district);
    api().send("DELETE", "/api/standard-items/" + added, null, null, district);
  }

  @Test
  void theTownReviewsAndTheScoreFollowsTheFormula() {
    String committee = token("lixin-committee");
    long lixin = village("lixin");
    JsonNode check = api().post("/api/villages/" + lixin + "/self-checks", Map.of("year", YEAR),
        committee).json();
    long id = check.path("id").asLong();
    // suggestions come from the year's dashboard figures
    JsonNode figures = api().get("/api/villages/" + lixin + "/dashboard?from=" + YEAR
        + "-01&to=" + YEAR + "-12", committee).json();
    double participation = figures.path("participationRate").asDouble();
    assertThat(participation).isGreaterThan(0.3);
    boolean seen = false;
    for (JsonNode a : check.path("answers")) {
      if (a.path("link").asText().equals("PARTICIPATION_RATE")) {
        JsonNode s = a.path("suggestion");
        assertThat(s.path("value").asDouble()).isEqualTo(Math.round(participation * 10000)
            / 100.0);
        assertThat(s.path("meets").asBoolean()).isEqualTo(participation * 100 >= 80);
        assertThat(s.path("text").asText()).startsWith("平台数据：参与率 ");
        seen = true;
      }
      if (a.path("link").asText().equals("NOTICE_EVERY_MONTH")) {
        assertThat(a.path("suggestion").path("text").asText()).contains("张榜公示");
      }
    }
    assertThat(seen).isTrue();
    Res early = api().post("/api/self-checks/" + id + "/submit", "", committee);
    assertThat(early.status()).isEqualTo(422);
    assertThat(early.code()).isEqualTo("UNANSWERED");
    long answerId = check.path("answers").get(0).path("id").asLong();
    assertThat(api().upload("/api/self-checks/" + id + "/answers/" + answerId + "/photos",
        "a.png", PNG, committee).status()).isEqualTo(201);
    Res badPhoto = api().upload("/api/self-checks/" + id + "/answers/" + answerId + "/photos",
        "a.png", "not an image".getBytes(StandardCharsets.UTF_8), committee);
    assertThat(badPhoto.code()).isEqualTo("BAD_PHOTO");
    JsonNode sub = submitted("lixin", YEAR);
    assertThat(sub.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(sub.path("answers").get(0).path("photoIds")).hasSize(1);

    String town = token("zhengcha");
    assertThat(api().post("/api/self-checks/" + id + "/review", Map.of("decision", "APPROVE",
        "items", List.of()), token("chengqiang")).status()).isEqualTo(403);
    assertThat(api().post("/api/self-checks/" + id + "/review", Map.of("decision", "APPROVE",
        "items", List.of()), committee).status()).isEqualTo(403);
    Res partial = api().post("/api/self-checks/" + id + "/review", Map.of("decision", "APPROVE",
        "items", List.of()), town);
    assertThat(partial.code()).isEqualTo("UNREVIEWED");
    List<Map<String, Object>> items = new ArrayList<>();
    int expected = 0;
    int max = 0;
    int i = 0;
    for (JsonNode a : sub.path("answers")) {
      boolean agree = i++ % 4 != 1;
      items.add(Map.of("answerId", a.path("id").asLong(), "agree", agree, "note",
          agree ? "" : "不同意"));
      boolean met = a.path("met").asBoolean();
      expected += (agree ? met : !met) ? a.path("weight").asInt() : 0;
      max += a.path("weight").asInt();
    }
    JsonNode approved = api().post("/api/self-checks/" + id + "/review",
        Map.of("decision", "APPROVE", "note", "同意", "items", items), town).json();
    assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.path("score").asInt()).isEqualTo(expected);
    assertThat(approved.path("maxScore").asInt()).isEqualTo(max);
    assertThat(approved.path("formula").asText()).contains("Σ");
    assertThat(api().get("/api/self-checks/" + id, token("ailin-committee")).status())
        .isEqualTo(403);
  }

  @Test
  void theRankingEqualsAnIndependentComputation() {
    JsonNode sub = submitted("hedong", YEAR);
    List<Map<String, Object>> items = new ArrayList<>();
    sub.path("answers").forEach(a -> items.add(Map.of("answerId", a.path("id").asLong(),
        "agree", true)));
    JsonNode approved = api().post("/api/self-checks/" + sub.path("id").asLong() + "/review",
        Map.of("decision", "APPROVE", "items", items), token("chengqiang")).json();
    Map<String, Object> weights = Map.of("selfCheck", 40, "participation", 30,
        "cleanHousehold", 10, "pointsPerHousehold", 20, "inspection", 10);
    Res created = api().post("/api/districts/" + districtId + "/ranking-rounds", Map.of(
        "name", "擂台赛", "fromMonth", YEAR + "-01", "toMonth", YEAR + "-12", "weights", weights),
        district);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode ranking = api().get("/api/districts/" + districtId + "/ranking", district).json();
    JsonNode area = api().get("/api/districts/" + districtId + "/dashboard?from=" + YEAR
        + "-01&to=" + YEAR + "-12", district).json();
    double maxPoints = 0;
    for (JsonNode v : area.path("villages")) {
      maxPoints = Math.max(maxPoints, v.path("pointsPerHousehold").asDouble());
    }
    Map<Long, Double> expected = new HashMap<>();
    for (JsonNode v : area.path("villages")) {
      long id = v.path("villageId").asLong();
      double self = id == village("hedong") ? approved.path("score").asDouble()
          / approved.path("maxScore").asDouble() : selfCheckRate(id);
      double sum = 40 * self + 30 * v.path("participationRate").asDouble()
          + 10 * v.path("cleanHouseholdRate").asDouble(0)
          + 20 * (maxPoints == 0 ? 0 : v.path("pointsPerHousehold").asDouble() / maxPoints)
          + 10 * 1.0; // no inspection found anything in this database: the figure is 1
      expected.put(id, Math.round(sum * 100 / 110 * 100) / 100.0);
    }
    JsonNode rows = ranking.path("rows");
    assertThat(rows).hasSize(area.path("villages").size());
    double last = Double.MAX_VALUE;
    for (JsonNode r : rows) {
      assertThat(r.path("total").asDouble()).as(r.path("villageName").asText())
          .isEqualTo(expected.get(r.path("villageId").asLong()));
      assertThat(r.path("total").asDouble()).isLessThanOrEqualTo(last);
      last = r.path("total").asDouble();
    }
    assertThat(rows.get(0).path("rank").asInt()).isEqualTo(1);
    assertThat(ranking.path("inspectionAvailable").asBoolean()).isTrue();
    long roundId = ranking.path("round").path("id").asLong();
    String champion = "/api/districts/" + districtId + "/ranking-rounds/" + roundId + "/champion";
    assertThat(put(champion, Map.of("villageId", 999999), district).code())
        .isEqualTo("VILLAGE_NOT_IN_ROUND");
    long top = rows.get(0).path("villageId").asLong();
    assertThat(put(champion, Map.of("villageId", top), district).json()
        .path("championVillageId").asLong()).isEqualTo(top);
    Res csv = api().download("/api/districts/" + districtId + "/ranking.csv?roundId=" + roundId,
        district);
    assertThat(csv.body()).startsWith("\uFEFF名次,村");
    assertThat(csv.body().split("\r\n")).hasSize(rows.size() + 2);
    Res outside = api().post("/api/districts/" + districtId + "/ranking-rounds", Map.of(
        "name", "擂台赛", "fromMonth", YEAR + "-01", "toMonth", YEAR + "-12", "weights", weights,
        "villageIds", List.of(999999)), district);
    assertThat(outside.code()).isEqualTo("VILLAGE_NOT_IN_DISTRICT");
    assertThat(api().get("/api/districts/" + districtId + "/ranking", token("zhengcha"))
        .status()).isEqualTo(200);
    assertThat(api().get("/api/districts/" + districtId + "/ranking", token("lixin-committee"))
        .status()).isEqualTo(403);
  }

  private double selfCheckRate(long villageId) {
    return sql.one("select score, max_score from self_checks where village_id = ? and year = ?"
        + " and status = 'APPROVED'", rs -> rs.getDouble(1) / rs.getDouble(2), villageId, YEAR)
        .orElse(0.0);
  }

  @Test
  void callersOutsideTheirScopeAreRefused() {
    String committee = token("lixin-committee");
    assertThat(api().post("/api/districts/" + districtId + "/standard-items",
        item("YOU", "x", 1), committee).status()).isEqualTo(403);
    assertThat(api().post("/api/districts/" + districtId + "/standard-items",
        item("YOU", "x", 1), token("zhengcha")).status()).isEqualTo(403);
    assertThat(api().post("/api/villages/" + village("ailin") + "/self-checks",
        Map.of("year", YEAR), committee).status()).isEqualTo(403);
    assertThat(api().get("/api/districts/" + districtId + "/standard-items",
        api().login("lixin-h001", "123456")).status()).isEqualTo(403);
    assertThat(api().get("/api/towns/" + sql.number("select town_id from villages where id = ?",
        village("ailin")) + "/self-checks", token("zhengcha")).status()).isEqualTo(403);
  }
}
