package org.villagepoints.dashboard;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.villagepoints.common.Sql;

/**
 * Village dashboards computed once and answered again while nothing they are computed from
 * has changed: each answer is kept with the village's version (V017: a new version in the
 * same transaction as every change to the village's rollups, households, groups, products,
 * donations, rating rounds, inspections and tasks, its own row and its town's name) and
 * reused only while the village's current version is that one. The key holds the day too,
 * for the figures that depend on it (overdue tasks, months without an inspection). At most
 * {@code vp.dashboard.kept-answers} answers are kept, the least recently used dropped first;
 * 0 keeps none.
 */
@Singleton
class VillageAnswers {

  /** A computed dashboard and the village's version it was computed at (null: no version). */
  record Answer(Long version, VillageDashboard dashboard) {}

  /** The village's current version. */
  static final String VERSION = "select version from village_versions where village_id = ?";

  private record Key(long village, LocalDate from, LocalDate to, LocalDate today) {}

  private final Dashboards dashboards;
  private final Sql sql;
  private final int capacity;
  private final Map<Key, Answer> kept;

  VillageAnswers(Dashboards dashboards, Sql sql,
      @Value("${vp.dashboard.kept-answers:1000}") int capacity) {
    this.dashboards = dashboards;
    this.sql = sql;
    this.capacity = capacity;
    this.kept = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
        return size() > capacity;
      }
    };
  }

  VillageDashboard village(long id, Period period) {
    LocalDate today = LocalDate.now(Sql.ZONE);
    if (capacity <= 0) {
      return dashboards.village(id, period, today).dashboard();
    }
    Key key = new Key(id, period.from(), period.to(), today);
    Answer known;
    synchronized (kept) {
      known = kept.get(key);
    }
    if (known != null && known.version().equals(version(id).orElse(null))) {
      return known.dashboard();
    }
    Answer fresh = dashboards.village(id, period, today);
    if (fresh.version() != null) {
      synchronized (kept) { // versions only grow: keep the newer of two answers computed at once
        kept.merge(key, fresh, (a, b) -> a.version() > b.version() ? a : b);
      }
    }
    return fresh.dashboard();
  }

  /** The village's current version; read in its own statement (no snapshot held). */
  Optional<Long> version(long village) {
    return sql.one(VERSION, rs -> rs.getLong(1), village);
  }
}
