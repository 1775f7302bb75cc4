package org.villagepoints.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

/** The committee's side of events: list, QR code, attendance list, batch. */
@MicronautTest(transactional = false)
class EventDeskTest extends ApiTest {

  @Inject Sql sql;
  private long village;
  private long rule;
  private String committee;
  private final OffsetDateTime now = OffsetDateTime.now(Sql.ZONE);

  @BeforeAll
  void setUp() {
    village = new Fixture(sql).village("hedong");
    committee = api().login("hedong-committee", "demo123");
    rule = api().get("/api/villages/" + village + "/rules", committee).json().get(0)
        .path("id").asLong();
  }

  private Res create(Map<String, Object> overrides) {
    Map<String, Object> body = new HashMap<>(Map.of("title", "村民会议", "kind", "MEETING",
        "startsAt", now.minusMinutes(10).toString(), "endsAt", now.plusHours(2).toString()));
    body.putAll(overrides);
    return api().post("/api/villages/" + village + "/events", body, committee);
  }

  @Test
  void theQrCodeCarriesTheSignedEventCode() throws Exception {
    JsonNode event = create(Map.of("ruleId", rule)).json();
    HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(server.getURI() + "/api/events/" + event.path("id").asLong() + "/qr.png"))
        .header("Authorization", "Bearer " + committee).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).isEqualTo(200);
    var image = ImageIO.read(new ByteArrayInputStream(png.body()));
    String text = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
        new BufferedImageLuminanceSource(image)))).getText();
    assertThat(text).isEqualTo(event.path("code").asText()).startsWith("VPE1.");
  }

  @Test
  void theCommitteeListsEventsAndSeesWhoCheckedIn() {
    long id = create(Map.of("title", "文化广场 广场舞", "kind", "CULTURE", "ruleId", rule))
        .json().path("id").asLong();
    String code = api().get("/api/events/" + id, committee).json().path("checkInCode").asText();
    for (String login : new String[] {"hedong-h002", "hedong-h001"}) {
      api().post("/api/events/check-in", Map.of("code", code), api().login(login, "123456"));
    }
    JsonNode listed = api().get("/api/villages/" + village + "/events", committee).json();
    JsonNode mine = null;
    for (JsonNode e : listed) {
      if (e.path("id").asLong() == id) {
        mine = e;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.path("kind").asText()).isEqualTo("CULTURE");
    assertThat(mine.path("attendance").asLong()).isEqualTo(2);
    assertThat(mine.path("ruleName").asText()).isNotBlank();
    JsonNode who = api().get("/api/events/" + id + "/attendance", committee).json();
    assertThat(who).hasSize(2);
    assertThat(who.get(0).path("householdCode").asText()).isEqualTo("H002");
    assertThat(who.get(1).path("householdCode").asText()).isEqualTo("H001");
    assertThat(who.get(0).path("groupName").asText()).isNotBlank();

    String other = api().login("ailin-committee", "demo123");
    assertThat(api().get("/api/events/" + id + "/attendance", other).status()).isEqualTo(403);
    assertThat(api().get("/api/villages/" + village + "/events", other).status()).isEqualTo(403);
  }

  @Test
  void anEventWithoutARuleNeedsOneWhenItsAttendanceBecomesABatch() {
    Res created = create(Map.of("title", "村民大会"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    assertThat(created.json().path("ruleId").isNull()).isTrue();
    assertThat(api().post("/api/events/" + id + "/batch", "{}", committee).code())
        .isEqualTo("NO_ATTENDANCE");
    api().post("/api/events/check-in", Map.of("code", created.json().path("code").asText()),
        api().login("hedong-h004", "123456"));
    Res noRule = api().post("/api/events/" + id + "/batch", "{}", committee);
    assertThat(noRule.status()).isEqualTo(422);
    assertThat(noRule.code()).isEqualTo("RULE_REQUIRED");
    Res batch = api().post("/api/events/" + id + "/batch", Map.of("ruleId", rule), committee);
    assertThat(batch.status()).as(batch.body()).isEqualTo(201);
    assertThat(batch.json().path("ruleId").asLong()).isEqualTo(rule);
    long batchId = batch.json().path("batchId").asLong();
    JsonNode items = api().get("/api/award-batches/" + batchId, committee).json().path("items");
    assertThat(items).hasSize(1);
    assertThat(items.get(0).path("householdCode").asText()).isEqualTo("H004");
    assertThat(items.get(0).path("note").asText()).isEqualTo("参加：村民大会");
  }

  @Test
  void badEventsAreRefusedAndChangeNothing() {
    long before = sql.number("select count(*) from events");
    assertThat(create(Map.of("endsAt", now.minusHours(1).toString())).code())
        .isEqualTo("BAD_PERIOD");
    assertThat(create(Map.of("endsAt", now.plusDays(8).toString())).code())
        .isEqualTo("BAD_PERIOD");
    assertThat(create(Map.of("kind", "PARTY")).status()).isEqualTo(400);
    assertThat(create(Map.of("ruleId", 999_999)).code()).isEqualTo("RULE_NOT_IN_VILLAGE");
    assertThat(sql.number("select count(*) from events")).isEqualTo(before);
  }
}
