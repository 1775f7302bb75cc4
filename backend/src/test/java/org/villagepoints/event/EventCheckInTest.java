package org.villagepoints.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

@MicronautTest(transactional = false)
class EventCheckInTest extends ApiTest {

  @Inject Sql sql;

  private Res event(String committee, long village, long rule, OffsetDateTime from,
      OffsetDateTime to) {
    return api().post("/api/villages/" + village + "/events", Map.of("title", "志愿服务日",
        "ruleId", rule, "startsAt", from.toString(), "endsAt", to.toString()), committee);
  }

  @Test
  void villagersCheckInOnceInTheWindowAndOnlyApprovalGivesPoints() {
    Fixture f = new Fixture(sql);
    long village = f.village("songlin");
    String committee = api().login("songlin-committee", "demo123");
    long rule = api().get("/api/villages/" + village + "/rules", committee).json().get(0)
        .path("id").asLong();
    OffsetDateTime now = OffsetDateTime.now(Sql.ZONE);
    Res open = event(committee, village, rule, now.minusHours(1), now.plusHours(1));
    assertThat(open.status()).as(open.body()).isEqualTo(201);
    String code = open.json().path("code").asText();
    long id = open.json().path("id").asLong();

    String h1 = api().login("songlin-h001", "123456");
    Res first = api().post("/api/events/check-in", Map.of("code", code), h1);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().path("alreadyCheckedIn").asBoolean()).isFalse();
    assertThat(api().post("/api/events/check-in", Map.of("code", code), h1).json()
        .path("alreadyCheckedIn").asBoolean()).isTrue();
    api().post("/api/events/check-in", Map.of("code", code), api().login("songlin-h002", "123456"));
    assertThat(api().get("/api/events/" + id, committee).json().path("attendance").asLong())
        .isEqualTo(2);
    assertThat(f.balance(f.household("songlin", "H001"))).isZero();

    String forged = code.substring(0, code.length() - 2) + "zz";
    assertThat(api().post("/api/events/check-in", Map.of("code", forged), h1).code())
        .isEqualTo("EVENT_CODE_INVALID");
    String other = api().login("ailin-h001", "123456");
    assertThat(api().post("/api/events/check-in", Map.of("code", code), other).status())
        .isEqualTo(403);

    String expired = event(committee, village, rule, now.minusHours(3), now.minusHours(2))
        .json().path("code").asText();
    Res late = api().post("/api/events/check-in", Map.of("code", expired), h1);
    assertThat(late.code()).isEqualTo("EVENT_CLOSED");
    assertThat(late.json().path("detail").asText()).contains("已过期");

    Res batch = api().post("/api/events/" + id + "/batch", "{}", committee);
    assertThat(batch.status()).isEqualTo(201);
    long batchId = batch.json().path("batchId").asLong();
    assertThat(api().get("/api/award-batches/" + batchId, committee).json().path("items"))
        .hasSize(2);
    assertThat(api().post("/api/events/" + id + "/batch", "{}", committee).code())
        .isEqualTo("EVENT_ALREADY_IN_BATCH");
    api().send("PUT", "/api/villages/" + village + "/policy", "application/json",
        "{\"noticeDays\": 0}", committee);
    api().post("/api/award-batches/" + batchId + "/approve", "{}", committee);
    assertThat(f.balance(f.household("songlin", "H001"))).isPositive();
  }
}
