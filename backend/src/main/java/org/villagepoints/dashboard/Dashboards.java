package org.villagepoints.dashboard;

import jakarta.inject.Singleton;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * Assembles dashboards from {@link Figures} and {@link VillageDetails}; each answer reads one
 * snapshot (repeatable read), so its totals and breakdowns agree.
 */
@Singleton
class Dashboards {

  private final Figures figures;
  private final VillageDetails details;
  private final Sql sql;

  Dashboards(Figures figures, VillageDetails details, Sql sql) {
    this.figures = figures;
    this.details = details;
    this.sql = sql;
  }

  /** The dashboard with the village's version read first in the same snapshot (V017). */
  @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
  VillageAnswers.Answer village(long id, Period period, LocalDate today) {
    Long version = sql.one(VillageVersions.VERSION, rs -> rs.getLong(1), id).orElse(null);
    VillageFigures f = figures.villages(Figures.Scope.VILLAGE, id, period, today).stream()
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("VILLAGE_NOT_FOUND", "找不到这个村"));
    VillageDetails.Households households = details.households(id, period);
    return new VillageAnswers.Answer(version, new VillageDashboard(period, f,
        households.groups(), details.categories(id, period),
        figures.months(Figures.Scope.VILLAGE, id, period), households.top(),
        details.rating(id, period), details.shop(f, period)));
  }

  /**
   * A town's or district's name and every village's row in one snapshot: each village's
   * version is read first, a row {@code rows} kept at that version is used as it is, and the
   * others are computed together.
   */
  @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
  AreaAnswers.Area area(Figures.Scope scope, long id, Period period, LocalDate today,
      AreaAnswers rows) {
    String name = sql.one(scope == Figures.Scope.TOWN ? "select name from towns where id = ?"
            : "select name from districts where id = ?", rs -> rs.getString(1), id)
        .orElseThrow(() -> ApiException.notFound("AREA_NOT_FOUND", "找不到这个镇或区"));
    List<Long[]> versions = sql.list("""
        select v.id, w.version from villages v
        left join village_versions w on w.village_id = v.id
        where %s order by v.town_id, v.id""".formatted(scope.where),
        rs -> new Long[] {rs.getLong(1), Sql.nullableLong(rs, "version")}, id);
    List<AreaAnswers.Row> out = new ArrayList<>(versions.size());
    List<Long> stale = new ArrayList<>();
    for (Long[] v : versions) {
      AreaAnswers.Row row = rows.kept(v[0], period, today, v[1]);
      out.add(row);
      if (row == null) {
        stale.add(v[0]);
      }
    }
    if (!stale.isEmpty()) {
      // all of them (the first answer of a day): by the area's own condition, not 1,000 ids
      boolean all = stale.size() == versions.size();
      Figures.Scope which = all ? scope : Figures.Scope.VILLAGES;
      Object of = all ? (Object) id : stale.toArray(Long[]::new);
      Map<Long, VillageFigures> computed = new HashMap<>();
      figures.villages(which, of, period, today).forEach(f -> computed.put(f.villageId(), f));
      Map<Long, long[]> months = figures.villageMonths(which, of, period);
      long[] none = new long[Figures.MONTH_FIELDS * Figures.monthCount(period)];
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i) == null) {
          Long[] v = versions.get(i);
          out.set(i, rows.computed(v[1], computed.get(v[0]), months.getOrDefault(v[0], none),
              period, today));
        }
      }
    }
    return new AreaAnswers.Area(name, out);
  }
}
