package org.villagepoints.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

/** Villagers check in with the event's QR code or typed code, once, inside the window. */
@MicronautTest(transactional = false)
class EventCheckInTest extends ApiTest {

  @Inject Sql sql;
  private Fixture f;
  private long village;
  private long rule;
  private String committee;
  private final OffsetDateTime now = OffsetDateTime.now(Sql.ZONE);

  @BeforeAll
  void setUp() {
    f = new Fixture(sql);
    village = f.village("songlin");
    committee = api().login("songlin-committee", "demo123");
    rule = api().get("/api/villages/" + village + "/rules", committee).json().get(0)
        .path("id").asLong();
  }

  private Res event(String title, OffsetDateTime from, OffsetDateTime to) {
    Res res = api().post("/api/villages/" + village + "/events", Map.of("title", title,
        "kind", "VOLUNTEER", "ruleId", rule, "startsAt", from.toString(), "endsAt",
        to.toString()), committee);
    assertThat(res.status()).as(res.body()).isEqualTo(201);
    return res;
  }

  private Res checkIn(String code, String villager) {
    return api().post("/api/events/check-in", Map.of("code", code), villager);
  }

  private long attendance(long eventId) {
    return sql.number("select count(*) from event_attendance where event_id = ?", eventId);
  }

  @Test
  void villagersCheckInOnceInTheWindowAndOnlyApprovalGivesPoints() {
    Res open = event("志愿服务日", now.minusHours(1), now.plusHours(1));
    String code = open.json().path("code").asText();
    long id = open.json().path("id").asLong();
    assertThat(code).matches("VPE1\\." + id + "\\.[A-Za-z0-9_-]{22}");
    assertThat(open.json().path("state").asText()).isEqualTo("OPEN");

    String h1 = api().login("songlin-h001", "123456");
    Res first = checkIn(code, h1);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().path("alreadyCheckedIn").asBoolean()).isFalse();
    assertThat(first.json().path("title").asText()).isEqualTo("志愿服务日");
    Res again = checkIn(code, h1);
    assertThat(again.json().path("alreadyCheckedIn").asBoolean()).isTrue();
    assertThat(again.json().path("checkedInAt").asText())
        .isEqualTo(first.json().path("checkedInAt").asText());
    checkIn(code, api().login("songlin-h002", "123456"));
    assertThat(api().get("/api/events/" + id, committee).json().path("attendance").asLong())
        .isEqualTo(2);
    assertThat(attendance(id)).as("one household checks in once").isEqualTo(2);
    assertThat(f.balance(f.household("songlin", "H001"))).isZero();

    String forged = code.substring(0, code.length() - 2) + "zz";
    assertThat(checkIn(forged, h1).code()).isEqualTo("EVENT_CODE_INVALID");
    assertThat(checkIn(code, api().login("ailin-h001", "123456")).status()).isEqualTo(403);

    Res batch = api().post("/api/events/" + id + "/batch", "{}", committee);
    assertThat(batch.status()).as(batch.body()).isEqualTo(201);
    long batchId = batch.json().path("batchId").asLong();
    assertThat(batch.json().path("batchStatus").asText()).isEqualTo("DRAFT");
    assertThat(api().get("/api/award-batches/" + batchId, committee).json().path("items"))
        .hasSize(2);
    assertThat(f.balance(f.household("songlin", "H001"))).as("no points without approval")
        .isZero();
    assertThat(api().post("/api/events/" + id + "/batch", "{}", committee).code())
        .isEqualTo("EVENT_ALREADY_IN_BATCH");
    Res late = checkIn(code, api().login("songlin-h003", "123456"));
    assertThat(late.code()).as("the list went to the meeting").isEqualTo("EVENT_ALREADY_IN_BATCH");
    api().send("PUT", "/api/villages/" + village + "/policy", "application/json",
        "{\"noticeDays\": 0}", committee);
    api().post("/api/award-batches/" + batchId + "/approve", "{}", committee);
    assertThat(f.balance(f.household("songlin", "H001"))).isPositive();
    assertThat(f.balance(f.household("songlin", "H003"))).isZero();
  }

  @Test
  void anExpiredCheckInCodeIsRefused() {
    Res ended = event("文化广场活动", now.minusHours(3), now.minusHours(2));
    long id = ended.json().path("id").asLong();
    assertThat(ended.json().path("state").asText()).isEqualTo("ENDED");
    String villager = api().login("songlin-h004", "123456");

    for (String code : new String[] {ended.json().path("code").asText(),
        ended.json().path("checkInCode").asText()}) {
      Res late = checkIn(code, villager);
      assertThat(late.status()).isEqualTo(409);
      assertThat(late.contentType()).startsWith("application/problem+json");
      assertThat(late.code()).isEqualTo("EVENT_CODE_EXPIRED");
      assertThat(late.json().path("detail").asText())
          .isEqualTo("签到码已过期：“文化广场活动”的签到已在 "
              + java.time.format.DateTimeFormatter.ofPattern("M月d日 HH:mm")
                  .format(now.minusHours(2)) + " 结束");
    }
    assertThat(attendance(id)).isZero();

    Res early = checkIn(event("村民会议", now.plusHours(2), now.plusHours(3)).json()
        .path("code").asText(), villager);
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.code()).isEqualTo("EVENT_NOT_OPEN");
    assertThat(early.json().path("detail").asText()).startsWith("“村民会议”的签到还没有开始");
  }

  @Test
  void theTypedSixDigitCodeChecksInOnlyInItsOwnVillage() {
    Res open = event("清扫村道", now.minusMinutes(5), now.plusHours(2));
    String typed = open.json().path("checkInCode").asText();
    assertThat(typed).matches("\\d{6}");
    Res res = checkIn(" " + typed.substring(0, 3) + " " + typed.substring(3),
        api().login("songlin-h005", "123456"));
    assertThat(res.status()).as(res.body()).isEqualTo(200);
    assertThat(res.json().path("eventId").asLong()).isEqualTo(open.json().path("id").asLong());

    Res elsewhere = checkIn(typed, api().login("ailin-h002", "123456"));
    assertThat(elsewhere.code()).as("a typed code names an event of the own village only")
        .isEqualTo("EVENT_CODE_INVALID");
  }

  @Test
  void guessingTypedCodesIsThrottledPerVillager() {
    Res open = event("植树", now.minusMinutes(5), now.plusHours(2));
    String typed = open.json().path("checkInCode").asText();
    String guesser = api().login("songlin-h006", "123456");
    String wrong = typed.equals("000000") ? "000001" : "000000";
    for (int i = 0; i < EventCodeThrottle.MAX_FAILURES; i++) {
      assertThat(checkIn(wrong, guesser).code()).isEqualTo("EVENT_CODE_INVALID");
    }
    Res blocked = checkIn(typed, guesser);
    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.code()).isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(blocked.header("Retry-After")).matches("\\d+");
    assertThat(checkIn(typed, api().login("songlin-h007", "123456")).status())
        .as("a neighbour is not blocked").isEqualTo(200);
  }
}
