package org.villagepoints.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

@MicronautTest(transactional = false)
class RatingTest extends ApiTest {

  @Inject Sql sql;

  private static Map<String, Object> scores(int all) {
    return Map.of("scores", Map.of("yard", all, "indoors", all, "kitchen", all, "toilet", all,
        "around", all, "conduct", all));
  }

  @Test
  void aRoundRatesHouseholdsIntoStarsAndItsPointsGoThroughTheNotice() {
    Fixture f = new Fixture(sql);
    long village = f.village("hedong");
    String committee = api().login("hedong-committee", "demo123");
    api().send("PUT", "/api/villages/" + village + "/policy", "application/json",
        "{\"noticeDays\": 0}", committee);
    Res opened = api().post("/api/villages/" + village + "/rating-rounds",
        Map.of("name", "2026年11月", "periodStart", "2026-11-01", "periodEnd", "2026-11-30"),
        committee);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    long round = opened.json().path("id").asLong();
    long h1 = f.household("hedong", "H001");
    long h2 = f.household("hedong", "H002");
    long h3 = f.household("hedong", "H003");
    String base = "/api/rating-rounds/" + round + "/ratings/";

    Res first = api().send("PUT", base + h1, "application/json",
        api().write(scores(70)), committee);
    assertThat(first.json().path("stars").asInt()).isEqualTo(1);
    JsonNode three = api().send("PUT", base + h1, "application/json", api().write(scores(95)),
        committee).json();
    assertThat(three.path("total").asInt()).isEqualTo(95);
    assertThat(three.path("stars").asInt()).isEqualTo(3);
    api().send("PUT", base + h2, "application/json", api().write(scores(85)), committee);
    JsonNode poor = api().send("PUT", base + h3, "application/json", api().write(scores(50)),
        committee).json();
    assertThat(poor.path("stars").asInt()).isZero();
    assertThat(poor.path("flagged").asBoolean()).isTrue();
    assertThat(poor.path("followUpOn").isNull()).isFalse();
    Res missing = api().send("PUT", base + h2, "application/json",
        "{\"scores\":{\"yard\":90}}", committee);
    assertThat(missing.code()).isEqualTo("SCORE_MISSING");

    JsonNode results = api().get("/api/rating-rounds/" + round, committee).json();
    assertThat(results.path("rated").asLong()).isEqualTo(3);
    long households = results.path("households").asLong();
    assertThat(results.path("cleanHouseholdRate").decimalValue().doubleValue())
        .isCloseTo(2.0 / households, org.assertj.core.data.Offset.offset(0.0001));
    assertThat(results.path("flagged")).hasSize(1);

    JsonNode closed = api().post("/api/rating-rounds/" + round + "/close", "{}", committee).json();
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    long batch = closed.path("batchId").asLong();
    JsonNode draft = api().get("/api/award-batches/" + batch, committee).json();
    assertThat(draft.path("items")).hasSize(2);
    api().post("/api/award-batches/" + batch + "/approve", "{}", committee);
    assertThat(f.balance(h1)).isEqualTo(10);
    assertThat(f.balance(h2)).isEqualTo(5);
    assertThat(f.balance(h3)).isZero();
    assertThat(api().send("PUT", base + h1, "application/json", api().write(scores(99)),
        committee).code()).isEqualTo("ROUND_CLOSED");

    long next = api().post("/api/villages/" + village + "/rating-rounds",
        Map.of("name", "2026年12月", "periodStart", "2026-12-01", "periodEnd", "2026-12-31"),
        committee).json().path("id").asLong();
    api().send("PUT", "/api/rating-rounds/" + next + "/ratings/" + h1, "application/json",
        api().write(scores(82)), committee);
    String villager = api().login("hedong-h001", "123456");
    JsonNode history = api().get("/api/households/" + h1 + "/ratings", villager).json();
    assertThat(history.get(0).path("stars").asInt()).as("the latest round counts").isEqualTo(2);
    assertThat(history.get(1).path("stars").asInt()).isEqualTo(3);
    assertThat(api().get("/api/households/" + h2 + "/ratings", villager).status()).isEqualTo(403);
    assertThat(api().get("/api/households/" + h1, committee).json().path("stars").asInt())
        .as("the household shows its current star").isEqualTo(2);
    assertThat(api().get("/api/villages/" + village + "/households?q=H002", committee).json()
        .path("items").get(0).path("stars").asInt()).isEqualTo(2);
    assertThat(api().get("/api/households/" + f.household("hedong", "H004"), committee).json()
        .path("stars").isNull()).isTrue();
  }
}
