package org.villagepoints.standard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi;
import org.villagepoints.support.TestApi.Res;

/** Sampling acceptance (抽查验收) through the API: the draw is reproducible from its seed. */
@MicronautTest(transactional = false)
class SamplingApiTest extends ApiTest {

  @Inject Sql sql;

  private String district;
  private long districtId;

  @BeforeAll
  void districtAdmin() {
    district = api().login("district", "demo123");
    districtId = sql.number("select district_id from villages where id = ?",
        new Fixture(sql).village("lixin"));
  }

  private String token(String user) {
    return api().login(user, "demo123");
  }

  private Res put(String path, Object body, String token) {
    return api().send("PUT", path, "application/json", TestApi.write(body), token);
  }

  @Test
  void aSampleIsReproducibleFromItsSeed() {
    List<Long> all = sql.list("select id from villages where district_id = ? order by id",
        rs -> rs.getLong(1), districtId);
    String base = "/api/districts/" + districtId;
    assertThat(put(base + "/demonstration-villages?year=2030", Map.of("villageIds", all),
        district).json()).hasSize(all.size());
    JsonNode s42 = api().post(base + "/samples", Map.of("year", 2030, "percent", 30, "seed", 42),
        district).json();
    int k = (all.size() * 30 + 99) / 100;
    List<Long> drawn42 = new ArrayList<>();
    s42.path("drawn").forEach(n -> drawn42.add(n.asLong()));
    assertThat(drawn42).isEqualTo(expectedDraw(42, all, k));
    JsonNode s43 = api().post(base + "/samples", Map.of("year", 2030, "percent", 30, "seed", 43),
        district).json();
    List<Long> drawn43 = new ArrayList<>();
    s43.path("drawn").forEach(n -> drawn43.add(n.asLong()));
    assertThat(drawn43).isEqualTo(expectedDraw(43, all, k)).isNotEqualTo(drawn42);
    JsonNode unseeded = api().post(base + "/samples", Map.of("year", 2030), district).json();
    assertThat(unseeded.path("drawn")).hasSize(1);
    JsonNode redraw = api().get(base + "/samples/" + unseeded.path("id").asLong() + "/redraw",
        district).json();
    assertThat(redraw.path("matches").asBoolean()).isTrue();
    assertThat(redraw.path("recomputed")).isEqualTo(unseeded.path("drawn"));
    long sampled = drawn42.get(0);
    JsonNode recorded = put(base + "/samples/" + s42.path("id").asLong() + "/results/" + sampled,
        Map.of("result", "PASSED", "note", "台账齐全"), district).json();
    assertThat(recorded.path("results").get(0).path("result").asText()).isEqualTo("PASSED");
    long notSampled = all.stream().filter(v -> !drawn42.contains(v)).findFirst().orElseThrow();
    assertThat(put(base + "/samples/" + s42.path("id").asLong() + "/results/" + notSampled,
        Map.of("result", "PASSED"), district).code()).isEqualTo("VILLAGE_NOT_SAMPLED");
    assertThat(api().post(base + "/samples", Map.of("year", 2031), district).code())
        .isEqualTo("NO_CANDIDATES");
    assertThat(api().post(base + "/samples", Map.of("year", 2030), token("zhengcha")).status())
        .isEqualTo(403);
  }

  /** The documented algorithm, written again here. */
  private static List<Long> expectedDraw(long seed, List<Long> sorted, int k) {
    Long[] a = sorted.toArray(Long[]::new);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      Long t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return List.of(a).subList(0, k);
  }
}
