package org.villagepoints.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.villagepoints.support.ApiTest;

@MicronautTest(transactional = false)
class AuditTest extends ApiTest {

  @Test
  void loginsAreAuditedAndTownStaffSeeOnlyTheirTown() {
    api().login("lixin-committee", "demo123");
    api().login("ailin-committee", "demo123");
    String town = api().login("zhengcha", "demo123");
    String district = api().login("district", "demo123");

    List<String> seenByDistrict = actors(api().get("/api/audit?size=200", district).json());
    assertThat(seenByDistrict).contains("lixin-committee", "ailin-committee", "zhengcha");

    List<String> seenByTown = actors(api().get("/api/audit?size=200", town).json());
    assertThat(seenByTown).contains("lixin-committee").doesNotContain("ailin-committee");

    JsonNode first = api().get("/api/audit?size=200", district).json().path("items").get(0);
    assertThat(first.path("action").asText()).isEqualTo("LOGIN");
    assertThat(first.path("occurredAt").asText()).endsWith("+08:00");
  }

  private static List<String> actors(JsonNode page) {
    List<String> actors = new ArrayList<>();
    page.path("items").forEach(e -> actors.add(e.path("actorUsername").asText()));
    return actors;
  }
}
