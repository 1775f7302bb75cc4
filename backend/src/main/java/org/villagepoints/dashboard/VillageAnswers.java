package org.villagepoints.dashboard;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.villagepoints.common.Sql;

/**
 * Village dashboards computed once and answered again while nothing they are computed from
 * has changed: each answer is kept with the village's version (V017: a new version in the
 * same transaction as every change to the village's rollups, households, groups, products,
 * donations, rating rounds, inspections and tasks, its own row and its town's name) and
 * reused only while the village's current version is that one. The key holds the day too,
 * for the figures that depend on it (overdue tasks, months without an inspection). At most
 * {@code vp.dashboard.kept-answers} answers are kept, the least recently used dropped first;
 * 0 keeps none. An answer is kept with its JSON, so a reused one is sent without writing it
 * again.
 */
@Singleton
class VillageAnswers {

  /** A computed dashboard and the village's version it was computed at (null: no version). */
  record Answer(Long version, VillageDashboard dashboard) {}

  /** An answer with its JSON, as kept. */
  private record Kept(VillageDashboard dashboard, byte[] json) {}

  private final Dashboards dashboards;
  private final VillageVersions versions;
  private final JsonMapper json;
  private final KeptByVersion<Kept> kept;

  VillageAnswers(Dashboards dashboards, VillageVersions versions, JsonMapper json,
      @Value("${vp.dashboard.kept-answers:1000}") int capacity) {
    this.dashboards = dashboards;
    this.versions = versions;
    this.json = json;
    this.kept = new KeptByVersion<>(capacity);
  }

  VillageDashboard village(long id, Period period) {
    return answer(id, period).dashboard();
  }

  /** The answer as the JSON the endpoint sends: written once for as long as it is kept. */
  byte[] json(long id, Period period) {
    return answer(id, period).json();
  }

  private Kept answer(long id, Period period) {
    LocalDate today = LocalDate.now(Sql.ZONE);
    KeptByVersion.Entry<Kept> known = kept.get(id, period, today);
    if (known != null && versions.of(id).orElse(-1L) == known.version()) {
      return known.value();
    }
    Answer computed = dashboards.village(id, period, today);
    Kept fresh = kept(computed.dashboard());
    kept.keep(id, period, today, computed.version(), fresh);
    return fresh;
  }

  private Kept kept(VillageDashboard dashboard) {
    try {
      return new Kept(dashboard, json.writeValueAsBytes(dashboard));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
