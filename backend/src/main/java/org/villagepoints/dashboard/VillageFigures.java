package org.villagepoints.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/**
 * One village's headline figures for a period. Rates are fractions (0.8 = 80%); the clean
 * rate is {@code null} when the village has not closed a rating round by the period's end.
 * Inspection flags: {@code openTasks} and {@code overdueTasks} (OPEN after the deadline) count
 * rectification tasks as they stand today; {@code lastInspection} is the latest visit by the
 * period's end; {@code monthsWithoutInspection} counts the period's months without a visit
 * (see {@link InspectionMonths}).
 */
@Serdeable
public record VillageFigures(
    long villageId,
    String villageName,
    long townId,
    String townName,
    long households,
    long participants,
    double participationRate,
    long pointsIssued,
    long pointsDeducted,
    long pointsRedeemed,
    long pointsExpired,
    long pointsAdjusted,
    long pointsOutstanding,
    double pointsPerHousehold,
    long awards,
    long redemptions,
    long ratedHouseholds,
    long cleanHouseholds,
    @Nullable Double cleanHouseholdRate,
    long openTasks,
    long overdueTasks,
    @Nullable LocalDate lastInspection,
    long monthsWithoutInspection) {

  static double rate(long part, long whole) {
    return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 10000.0;
  }
}
