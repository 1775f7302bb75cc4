package org.villagepoints.award;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

/** apply → first check → meeting → notice → posted → passbook. */
@MicronautTest(transactional = false)
class ApplicationFlowTest extends ApiTest {

  @Inject Sql sql;

  @Test
  void anApplicationTravelsFromTheVillagerToThePassbook() {
    Fixture f = new Fixture(sql);
    long village = f.village("lixin");
    String villager = api().login("lixin-h001", "123456");
    String leader = api().login("lixin-leader", "demo123");
    String committee = api().login("lixin-committee", "demo123");
    long h1 = f.household("lixin", "H001");
    long rule = api().get("/api/villages/" + village + "/rules", villager).json().get(0)
        .path("id").asLong();
    String today = LocalDate.now(Sql.ZONE).toString();

    Res submitted = api().post("/api/households/" + h1 + "/applications", Map.of("ruleId", rule,
        "occurredOn", today, "description", "帮邻居抢收玉米"), villager);
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    long app = submitted.json().path("id").asLong();
    assertThat(submitted.json().path("progress").asText()).isEqualTo("SUBMITTED");

    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    assertThat(api().upload("/api/applications/" + app + "/photos", "p.jpg", jpeg, villager)
        .status()).isEqualTo(204);
    assertThat(api().upload("/api/applications/" + app + "/photos", "p.txt",
        "not a photo".getBytes(), villager).code()).isEqualTo("BAD_PHOTO");

    JsonNode queue = api().get("/api/villages/" + village + "/applications?status=SUBMITTED",
        leader).json();
    assertThat(queue.toString()).contains("帮邻居抢收玉米");
    Res returned = api().post("/api/applications/" + app + "/check",
        Map.of("decision", "RETURN"), leader);
    assertThat(returned.code()).isEqualTo("REASON_REQUIRED");
    Res passed = api().post("/api/applications/" + app + "/check", Map.of("decision", "PASS"),
        leader);
    assertThat(passed.json().path("progress").asText()).isEqualTo("CHECKED");
    assertThat(passed.json().path("photos").asInt()).isEqualTo(1);

    api().send("PUT", "/api/villages/" + village + "/policy", "application/json",
        "{\"noticeDays\": 0}", committee);
    Res batch = api().post("/api/villages/" + village + "/award-batches", Map.of(
        "title", "本月评议", "meetingDate", today, "items", List.of(Map.of("householdId", h1,
            "ruleId", rule, "applicationId", app))), committee,
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(batch.status()).as(batch.body()).isEqualTo(201);
    assertThat(api().get("/api/households/" + h1 + "/applications", villager).json().get(0)
        .path("progress").asText()).isEqualTo("AT_MEETING");
    api().post("/api/award-batches/" + batch.json().path("id").asLong() + "/approve", "{}",
        committee);
    assertThat(api().get("/api/households/" + h1 + "/applications", villager).json().get(0)
        .path("progress").asText()).isEqualTo("POSTED");
    JsonNode book = api().get("/api/households/" + h1 + "/entries", villager).json();
    assertThat(book.path("balance").asLong()).isPositive();
    assertThat(book.path("items").get(0).path("kind").asText()).isEqualTo("AWARD");
  }

  @Test
  void villagersSeeAndApplyOnlyForTheirOwnHousehold() {
    Fixture f = new Fixture(sql);
    String villager = api().login("lixin-h001", "123456");
    long other = f.household("lixin", "H002");
    long rule = api().get("/api/villages/" + f.village("lixin") + "/rules", villager).json()
        .get(0).path("id").asLong();
    assertThat(api().post("/api/households/" + other + "/applications", Map.of("ruleId", rule,
        "occurredOn", "2026-11-01", "description", "x"), villager).status()).isEqualTo(403);
    assertThat(api().get("/api/households/" + other + "/applications", villager).status())
        .isEqualTo(403);
    assertThat(api().get("/api/villages/" + f.village("lixin") + "/applications", villager)
        .status()).isEqualTo(403);
    String leader = api().login("lixin-leader", "demo123");
    long group2 = sql.number("select h.id from households h join household_groups g"
        + " on g.id = h.group_id where g.village_id = ? and g.position = 2 limit 1",
        f.village("lixin"));
    assertThat(api().post("/api/households/" + group2 + "/applications", Map.of("ruleId", rule,
        "occurredOn", "2026-11-01", "description", "x"), leader).status()).isEqualTo(403);
  }
}
