package org.villagepoints.household;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

@MicronautTest(transactional = false)
class RegisterTest extends ApiTest {

  @Inject Sql sql;
  private Fixture f;
  private String committee;
  private long village;
  private long group;

  @BeforeAll
  void setUp() {
    f = new Fixture(sql);
    committee = api().login("hedong-committee", "demo123");
    village = f.village("hedong");
    Res created = api().post("/api/villages/" + village + "/groups",
        Map.of("name", "第9组", "leaderName", "测试组长"), committee);
    assertThat(created.status()).isEqualTo(201);
    group = created.json().path("id").asLong();
  }

  private Res createHousehold(String code, Map<String, Object> extra) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "headName", "王示例",
        "groupId", group, "phone", "13812345678", "lowIncome", true,
        "members", List.of(Map.of("name", "王示例", "relation", "HEAD"),
            Map.of("name", "李示例", "relation", "SPOUSE"))));
    body.putAll(extra);
    return api().post("/api/villages/" + village + "/households", body, committee);
  }

  @Test
  void aNewHouseholdHasAnAccountACardAndItsMembers() {
    Res res = createHousehold("N001", Map.of());
    assertThat(res.status()).as(res.body()).isEqualTo(201);
    JsonNode h = res.json();
    assertThat(h.path("balance").asLong()).isZero();
    assertThat(h.path("members")).hasSize(2);
    assertThat(h.path("phone").asText()).isEqualTo("13812345678");
    assertThat(h.path("lowIncome").asBoolean()).isTrue();
    assertThat(sql.number("select count(*) from ledger_accounts where household_id = ?",
        h.path("id").asLong())).isEqualTo(1);
    assertThat(sql.number("select count(*) from household_cards where household_id = ?"
        + " and status = 'ACTIVE'", h.path("id").asLong())).isEqualTo(1);
  }

  @Test
  void phoneIsMaskedAndSensitiveFlagsHiddenFromEveryoneButTheCommittee() {
    long id = createHousehold("N002", Map.of()).json().path("id").asLong();
    String town = api().login("chengqiang", "demo123");
    JsonNode seen = api().get("/api/households/" + id, town).json();
    assertThat(seen.path("phone").asText()).isEqualTo("138****5678");
    assertThat(seen.path("lowIncome").isNull()).isTrue();
    assertThat(seen.path("note").isNull()).isTrue();
  }

  @Test
  void duplicateCodesAndForeignGroupsAreRefused() {
    createHousehold("N003", Map.of());
    Res dup = createHousehold("n003", Map.of());
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.code()).isEqualTo("HOUSEHOLD_CODE_TAKEN");
    long foreignGroup = sql.number("select id from household_groups where village_id = ?"
        + " order by id limit 1", f.village("lixin"));
    Res foreign = createHousehold("N004", Map.of("groupId", foreignGroup));
    assertThat(foreign.code()).isEqualTo("GROUP_NOT_IN_VILLAGE");
    Res badRelation = createHousehold("N005", Map.of("members",
        List.of(Map.of("name", "某", "relation", "BOSS"))));
    assertThat(badRelation.status()).isEqualTo(400);
    assertThat(sql.number("select count(*) from households where village_id = ? and code in"
        + " ('N004', 'N005')", village)).isZero();
  }

  @Test
  void movingAndArchivingKeepThePassbook() {
    long id = createHousehold("N006", Map.of()).json().path("id").asLong();
    api().post("/api/households/" + id + "/adjustments", Map.of("points", 5, "reason", "补录"),
        committee);
    long otherGroup = api().get("/api/villages/" + village + "/groups", committee).json().get(0)
        .path("id").asLong();
    Res moved = api().post("/api/households/" + id + "/move", Map.of("groupId", otherGroup),
        committee);
    assertThat(moved.json().path("groupId").asLong()).isEqualTo(otherGroup);
    String pin = api().post("/api/households/" + id + "/pin", "{}", committee).json()
        .path("pin").asText();
    Res archived = api().post("/api/households/" + id + "/archive", "{}", committee);
    assertThat(archived.json().path("status").asText()).isEqualTo("ARCHIVED");
    assertThat(api().post("/api/households/" + id + "/archive", "{}", committee).code())
        .isEqualTo("ALREADY_ARCHIVED");
    JsonNode book = api().get("/api/households/" + id + "/entries", committee).json();
    assertThat(book.path("balance").asLong()).isEqualTo(5);
    assertThat(api().get("/api/villages/" + village + "/households?q=N006", committee).json()
        .path("total").asLong()).isZero();
    assertThat(api().post("/api/login", Map.of("username", "hedong-n006", "password", pin), null)
        .status()).isEqualTo(401);
  }

  @Test
  void aNewPinIsShownOnceAndReplacesTheOldOne() {
    long id = f.household("hedong", "H003");
    Res first = api().post("/api/households/" + id + "/pin", "{}", committee);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().path("username").asText()).isEqualTo("hedong-h003");
    String pin = first.json().path("pin").asText();
    assertThat(pin).matches("\\d{6}");
    assertThat(api().login("hedong-h003", pin)).isNotBlank();
    assertThat(api().post("/api/login", Map.of("username", "hedong-h003", "password", "123456"),
        null).status()).isEqualTo(pin.equals("123456") ? 200 : 401);
    assertThat(sql.number("select count(*) from audit_events where action = 'PIN_RESET'"
        + " and target_id = ?", Long.toString(id))).isEqualTo(1);
    assertThat(sql.number("select count(*) from audit_events where details::text like ?",
        "%" + pin + "\"%")).isZero();
  }

  @Test
  void onlyTheOwnVillagesCommitteeWritesTheRegister() {
    String town = api().login("shiren", "demo123");
    assertThat(api().post("/api/villages/" + village + "/groups", Map.of("name", "X组"), town)
        .status()).isEqualTo(403);
    String lixin = api().login("lixin-committee", "demo123");
    assertThat(api().post("/api/villages/" + village + "/groups", Map.of("name", "Y组"), lixin)
        .status()).isEqualTo(403);
    assertThat(api().send("PUT", "/api/groups/" + group, "application/json",
        "{\"name\":\"改名\"}", lixin).status()).isEqualTo(403);
    Res renamed = api().send("PUT", "/api/groups/" + group, "application/json",
        "{\"name\":\"第9组\",\"leaderName\":\"新组长\"}", committee);
    assertThat(renamed.status()).isEqualTo(200);
  }
}
