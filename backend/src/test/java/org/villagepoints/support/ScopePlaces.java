package org.villagepoints.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.UserAdmin;
import org.villagepoints.household.HouseholdRegistry;
import org.villagepoints.household.NewHousehold;
import org.villagepoints.region.RegionAdmin;
import org.villagepoints.support.TestApi.Res;

/**
 * The places an authorization test acts on, each holding one record of every kind, made
 * through the real API by the place's own committee: 立新村 (home, 正岔街道), 松林示例村 (same
 * town), 爱林村 (another town) and 测试村 in a second district created here (with the district's own checklist item, ranking round and
 * sample). A target is a
 * place seen through one household: in 立新村 the villager's own household (H001, group 1),
 * another household of group 1 and one of group 2.
 */
public final class ScopePlaces {

  /** One target: placeholder name → value ({@code village}, {@code household}, ...). */
  public record Target(String name, Map<String, String> values) {}

  private final TestApi api;
  private final String districtToken;
  private final Map<String, Target> targets = new LinkedHashMap<>();

  public ScopePlaces(TestApi api, RegionAdmin regions, UserAdmin users,
      HouseholdRegistry households) {
    this.api = api;
    this.districtToken = api.login("district", "demo123");
    Map<String, Long> villages = new HashMap<>();
    for (JsonNode v : api.get("/api/villages", districtToken).json()) {
      villages.put(v.path("slug").asText(), v.path("id").asLong());
    }
    long home = api.get("/api/me", districtToken).json().path("districtId").asLong();
    String homeTemplateRule = Long.toString(api.get("/api/districts/" + home + "/rule-template",
        districtToken).json().get(0).path("id").asLong());
    long lixin = villages.get("lixin");
    long group2 = api.get("/api/villages/" + lixin + "/groups", districtToken).json().get(1)
        .path("id").asLong();
    Map<String, String> lixinPlace = place("lixin", lixin, home, homeTemplateRule,
        districtToken, List.of("H001", "H002", code(lixin, group2)));
    targets.put("own", target("own", lixinPlace, 0));
    targets.put("sameGroup", target("sameGroup", lixinPlace, 1));
    targets.put("otherGroup", target("otherGroup", lixinPlace, 2));
    targets.put("sameTown", target("sameTown",
        place("songlin", villages.get("songlin"), home, homeTemplateRule, districtToken,
            List.of("H001")), 0));
    targets.put("otherTown", target("otherTown",
        place("ailin", villages.get("ailin"), home, homeTemplateRule, districtToken,
            List.of("H001")), 0));
    targets.put("otherDistrict", target("otherDistrict", outer(regions, users, households), 0));
  }

  public Target target(String name) {
    return targets.get(name);
  }

  /** A fresh single-use phone code of the target's household (made by its committee). */
  public String qrToken(Target target) {
    Res res = api.post("/api/households/" + target.values().get("household") + "/qr-tokens",
        Map.of(), target.values().get("committeeToken"));
    return ok(res, 201).path("token").asText();
  }

  /** A fresh refresh token (of a user the tests never otherwise use). */
  public String refreshToken() {
    Res res = api.post("/api/login", Map.of("username", "hedong-shop", "password", "demo123"),
        null);
    return ok(res, 200).path("refresh_token").asText();
  }

  private String code(long village, long group) {
    return api.get("/api/villages/" + village + "/households?size=1&groupId=" + group,
        districtToken).json().path("items").get(0).path("code").asText();
  }

  private Map<String, String> outer(RegionAdmin regions, UserAdmin users,
      HouseholdRegistry households) {
    long district = regions.district("授权测试区");
    long town = regions.town(district, "授权测试镇");
    long village = regions.village(town, "授权测试村", "authcun");
    long group = regions.group(village, "第1组", "测试组长", 1);
    long household = households.open(new NewHousehold(village, group, "H001", "外区户主", null,
        null, List.of(new NewHousehold.NewMember("外区户主", "HEAD"))));
    users.create("authcun-committee", "demo123", "测试村委", Role.VILLAGE_COMMITTEE,
        UserAdmin.Scope.village(village));
    users.create("authcun-h001", "123456", "外区户主", Role.VILLAGER,
        UserAdmin.Scope.household(village, household));
    users.create("auth-district", "demo123", "外区管理员", Role.DISTRICT_ADMIN,
        UserAdmin.Scope.district(district));
    String admin = api.login("auth-district", "demo123");
    String templateRule = Long.toString(ok(api.post("/api/districts/" + district
        + "/rule-template", rule(), admin), 201).path("id").asLong());
    String committee = api.login("authcun-committee", "demo123");
    ok(api.post("/api/villages/" + village + "/rules", rule(), committee), 201);
    return place("authcun", village, district, templateRule, admin, List.of("H001"));
  }

  private static Map<String, Object> rule() {
    return Map.of("category", "测试", "name", "授权测试细则", "points", 5);
  }

  /** Makes one record of every kind in the village, as its committee would. */
  private Map<String, String> place(String slug, long village, long district,
      String templateRule, String districtAdmin, List<String> householdCodes) {
    String c = api.login(slug + "-committee", "demo123");
    String v = "/api/villages/" + village;
    Map<String, String> p = new HashMap<>();
    p.put("committeeToken", c);
    p.put("village", Long.toString(village));
    p.put("district", Long.toString(district));
    p.put("templateRule", templateRule);
    String rule = null;
    for (JsonNode r : ok(api.get(v + "/rules", c), 200)) {
      if (rule == null && r.path("active").asBoolean() && r.path("points").asLong() > 0
          && !r.path("evidenceRequired").asBoolean()) {
        rule = id(r);
      }
    }
    p.put("rule", rule);
    String product = id(ok(post(v + "/products", Map.of("name", "授权矩阵商品", "pricePoints", 1),
        c), 201));
    p.put("product", product);
    String donation = id(ok(post(v + "/donations", Map.of("kind", "DONATION", "donorName", "测试",
        "donorType", "PERSON", "occurredOn", LocalDate.now().toString(), "items",
        List.of(Map.of("productId", Long.parseLong(product), "quantity", 1000))), c), 201));
    p.put("donation", donation);
    p.put("voucher", id(ok(api.upload("/api/donations/" + donation + "/vouchers", "v.png",
        TestImages.png(Color.BLUE), c), 201)));
    for (int i = 0; i < householdCodes.size(); i++) {
      JsonNode h = ok(api.get(v + "/households?q=" + householdCodes.get(i), c), 200)
          .path("items").get(0);
      String household = id(h);
      p.put("household." + i, household);
      p.put("group." + i, h.path("groupId").asText());
      p.put("transfer." + i, ok(post("/api/households/" + household + "/adjustments",
          Map.of("points", 100, "reason", "授权测试"), c), 201).path("transfer").path("id").asText());
      p.put("payload." + i, ok(post("/api/households/" + household + "/card/reissue", Map.of(),
          c), 201).path("payload").asText());
      String villager = api.login(slug + "-" + householdCodes.get(i).toLowerCase(), "123456");
      p.put("application." + i, id(ok(api.post("/api/households/" + household + "/applications",
          Map.of("ruleId", Long.parseLong(rule), "occurredOn", LocalDate.now().toString(),
              "description", "授权测试"), villager), 201)));
    }
    p.put("group", p.get("group.0"));
    String qr = ok(api.post("/api/households/" + p.get("household.0") + "/qr-tokens", Map.of(), c),
        201).path("token").asText();
    p.put("redemption", id(ok(post("/api/redemptions", Map.of("qrToken", qr, "items",
        List.of(Map.of("productId", Long.parseLong(product), "quantity", 1))), c), 201)));
    JsonNode batch = ok(post(v + "/award-batches", Map.of("title", "授权测试", "meetingDate",
        LocalDate.now().toString(), "items", List.of(Map.of("householdId",
            Long.parseLong(p.get("household.0")), "ruleId", Long.parseLong(rule)))), c), 201);
    p.put("batch", id(batch));
    p.put("item", id(batch.path("items").get(0)));
    ok(api.post("/api/award-batches/" + id(batch) + "/approve", Map.of(), c), 200);
    p.put("objection", id(ok(api.post("/api/award-items/" + p.get("item") + "/objections",
        Map.of("reason", "授权测试"), c), 201)));
    JsonNode event = ok(api.post(v + "/events", Map.of("title", "授权测试", "ruleId",
        Long.parseLong(rule), "startsAt", OffsetDateTime.now().minusHours(1).toString(),
        "endsAt", OffsetDateTime.now().plusHours(3).toString()), c), 201);
    p.put("event", id(event));
    p.put("eventCode", event.path("code").asText());
    p.put("round", id(ok(api.post(v + "/rating-rounds", Map.of("name", "授权测试",
        "periodStart", LocalDate.now().minusDays(30).toString(), "periodEnd",
        LocalDate.now().toString()), c), 201)));
    p.put("town", ok(api.get("/api/me", c), 200).path("townId").asText());
    p.put("book", "ledger");
    standard(p, district, districtAdmin, c);
    inspections(p, districtAdmin);
    return p;
  }

  /** The district's records (checklist item, ranking round, sample) and the village's self-check. */
  private void standard(Map<String, String> p, long district, String admin, String committee) {
    String d = "/api/districts/" + district;
    int year = LocalDate.now().getYear();
    p.put("standardItem", id(ok(api.post(d + "/standard-items", Map.of("kind", "YOU",
        "position", 99, "title", "授权测试条目", "weight", 5), admin), 201)));
    p.put("rankingRound", id(ok(api.post(d + "/ranking-rounds", Map.of("name", "授权测试",
        "fromMonth", year + "-01", "toMonth", year + "-12", "weights", Map.of("selfCheck", 1,
            "participation", 1, "cleanHousehold", 1, "pointsPerHousehold", 1, "inspection", 0)),
        admin), 201).path("round")));
    ok(api.send("PUT", d + "/demonstration-villages?year=" + year, "application/json",
        "{\"villageIds\":[" + p.get("village") + "]}", admin), 200);
    p.put("sample", id(ok(api.post(d + "/samples", Map.of("year", year), admin), 201)));
    JsonNode check = ok(api.post("/api/villages/" + p.get("village") + "/self-checks",
        Map.of("year", year), committee), 200);
    p.put("selfCheck", id(check));
    String answer = id(check.path("answers").get(0));
    p.put("answer", answer);
    p.put("selfCheckPhoto", id(ok(api.upload("/api/self-checks/" + id(check) + "/answers/"
        + answer + "/photos", "e.png", TestImages.png(Color.GREEN), committee), 201)));
  }

  /**
   * Inspection records: a visit (by the place's district admin) with one finding and its
   * rectification task.
   */
  private void inspections(Map<String, String> p, String inspector) {
    JsonNode visit = ok(post("/api/villages/" + p.get("village") + "/inspections", Map.of(
        "kind", "ROUTINE", "visitedOn", LocalDate.now().minusDays(3).toString(), "findings",
        List.of(Map.of("category", "SANITATION", "severity", "HIGH", "description", "授权测试"))),
        inspector), 201);
    p.put("inspection", id(visit));
    p.put("finding", id(visit.path("findings").get(0)));
    p.put("task", id(visit.path("findings").get(0).path("task")));
  }

  /** The place seen through its n-th household. */
  private static Target target(String name, Map<String, String> place, int n) {
    Map<String, String> values = new HashMap<>(place);
    for (String kind : List.of("household", "group", "transfer", "payload", "application")) {
      values.put(kind, place.get(kind + "." + n));
    }
    return new Target(name, values);
  }

  private Res post(String path, Object body, String token) {
    return api.post(path, body, token, Map.of("Idempotency-Key", "setup-" + UUID.randomUUID()));
  }

  private static String id(JsonNode node) {
    return node.path("id").asText();
  }

  private static JsonNode ok(Res res, int status) {
    assertThat(res.status()).as(res.body()).isEqualTo(status);
    return res.json();
  }
}
