package org.villagepoints.dashboard;

import jakarta.inject.Singleton;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import java.time.LocalDate;
import java.util.List;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.ops.ReadRouting;

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
    Long version = sql.one(VillageAnswers.VERSION, rs -> rs.getLong(1), id).orElse(null);
    VillageFigures f = figures.villages(Figures.Scope.VILLAGE, id, period, today).stream()
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("VILLAGE_NOT_FOUND", "找不到这个村"));
    VillageDetails.Households households = details.households(id, period);
    return new VillageAnswers.Answer(version, new VillageDashboard(period, f,
        households.groups(), details.categories(id, period),
        figures.months(Figures.Scope.VILLAGE, id, period), households.top(),
        details.rating(id, period), details.shop(f, period)));
  }

  @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
  AreaDashboard area(Figures.Scope scope, long id, Period period) {
    String name = sql.one(scope == Figures.Scope.TOWN ? "select name from towns where id = ?"
            : "select name from districts where id = ?", rs -> rs.getString(1), id)
        .orElseThrow(() -> ApiException.notFound("AREA_NOT_FOUND", "找不到这个镇或区"));
    List<VillageFigures> villages = figures.villages(scope, id, period);
    return new AreaDashboard(scope.name(), id, name, period, AreaDashboard.Totals.of(villages),
        villages, figures.months(scope, id, period), ReadRouting.PRIMARY, null);
  }
}
