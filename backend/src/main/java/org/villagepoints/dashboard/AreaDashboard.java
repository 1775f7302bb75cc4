package org.villagepoints.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code GET /api/towns/{id}/dashboard} and {@code /api/districts/{id}/dashboard}: every
 * village side by side, the area's totals, and the monthly trend; {@code readSource} says
 * whether the read replica or the primary answered, {@code replicaLagSeconds} how far the
 * replica was behind when last measured (null without a replica, or when it is down).
 */
@Serdeable
public record AreaDashboard(String scope, long id, String name, Period period, Totals totals,
    List<VillageFigures> villages, List<MonthFigures> monthly, String readSource,
    @Nullable Double replicaLagSeconds) {

  @Serdeable
  public record Totals(long villages, long households, long participants,
      double participationRate, long pointsIssued, long pointsDeducted, long pointsRedeemed,
      long pointsOutstanding, long ratedHouseholds, long cleanHouseholds,
      Double cleanHouseholdRate) {

    static Totals of(List<VillageFigures> villages) {
      long households = 0, participants = 0, issued = 0, deducted = 0, redeemed = 0;
      long outstanding = 0, rated = 0, clean = 0;
      for (VillageFigures v : villages) {
        households += v.households();
        participants += v.participants();
        issued += v.pointsIssued();
        deducted += v.pointsDeducted();
        redeemed += v.pointsRedeemed();
        outstanding += v.pointsOutstanding();
        rated += v.ratedHouseholds();
        clean += v.cleanHouseholds();
      }
      return new Totals(villages.size(), households, participants,
          VillageFigures.rate(participants, households), issued, deducted, redeemed,
          outstanding, rated, clean, rated == 0 ? null : VillageFigures.rate(clean, rated));
    }
  }
}
