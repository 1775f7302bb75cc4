package org.villagepoints.dashboard;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/villages/{id}/dashboard}: the headline figures plus their breakdowns. */
@Serdeable
public record VillageDashboard(
    Period period,
    @JsonUnwrapped VillageFigures figures,
    List<Group> byGroup,
    List<Category> byCategory,
    List<MonthFigures> monthly,
    List<TopHousehold> topHouseholds,
    @Nullable Rating rating,
    Shop shop) {

  @Serdeable
  public record Group(long groupId, String name, long households, long participants,
      double participationRate, long pointsEarned) {}

  @Serdeable
  public record Category(String category, long pointsIssued, long pointsDeducted,
      long transfers) {}

  @Serdeable
  public record TopHousehold(long householdId, String code, String headName, String groupName,
      long points) {}

  /** The latest rating round closed by the period's end; {@code stars[n]} = households with n. */
  @Serdeable
  public record Rating(long roundId, String name, LocalDate periodEnd, long rated, long clean,
      List<Integer> stars) {}

  @Serdeable
  public record Shop(long redemptions, long pointsRedeemed, List<Product> topProducts,
      long donations, BigDecimal donationsValue, BigDecimal purchasesValue,
      List<LowStock> lowStock) {}

  @Serdeable
  public record Product(long productId, String name, long quantity, long points) {}

  @Serdeable
  public record LowStock(long productId, String name, long stock, long threshold) {}
}
