package org.villagepoints.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Which months of a period count for the "month without inspection" flag (the plan asks for at
 * least one visit a month): every month of the period that has ended (Asia/Shanghai), and the
 * current month from its 26th day on, so that a village still without a visit shows up while
 * there is time to go. Months after today never count.
 *
 * @param counted how many months count
 * @param lastDay the last day of the last month that counts (before the period when none)
 */
public record InspectionMonths(long counted, LocalDate lastDay) {

  /** From this day of the month on, the current month counts too. */
  public static final int CURRENT_MONTH_FROM_DAY = 26;

  public static InspectionMonths of(Period period, LocalDate today) {
    YearMonth first = YearMonth.from(period.from());
    YearMonth current = YearMonth.from(today);
    YearMonth last = today.getDayOfMonth() >= CURRENT_MONTH_FROM_DAY ? current
        : current.minusMonths(1);
    YearMonth end = YearMonth.from(period.to());
    if (end.isBefore(last)) {
      last = end;
    }
    if (last.isBefore(first)) {
      return new InspectionMonths(0, period.from().minusDays(1));
    }
    return new InspectionMonths(ChronoUnit.MONTHS.between(first, last) + 1, last.atEndOfMonth());
  }
}
