package org.villagepoints.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * A dashboard period in whole calendar months: {@code from} is the first day of the first
 * month, {@code to} the last day of the last month. Requests may name months (2026-05) or days
 * (2026-05-17); a day stands for its month, and the answer says which months were used.
 */
@Serdeable
public record Period(LocalDate from, LocalDate to, String kind) {

  static final int MAX_MONTHS = 120;

  /** Parses {@code from}/{@code to}; both missing means the current month. */
  public static Period parse(@Nullable String from, @Nullable String to) {
    YearMonth now = YearMonth.now(Sql.ZONE);
    YearMonth first = from == null || from.isBlank() ? (to == null || to.isBlank() ? now
        : month(to, "to")) : month(from, "from");
    YearMonth last = to == null || to.isBlank() ? (from == null || from.isBlank() ? now : first)
        : month(to, "to");
    if (last.isBefore(first)) {
      throw ApiException.badRequest("BAD_PERIOD", "结束月份不能早于开始月份");
    }
    if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
      throw ApiException.badRequest("BAD_PERIOD", "统计期间最长 " + MAX_MONTHS / 12 + " 年");
    }
    return new Period(first.atDay(1), last.atEndOfMonth(), kind(first, last));
  }

  private static YearMonth month(String text, String name) {
    String t = text.trim();
    try {
      if (t.length() == 7) {
        return check(YearMonth.parse(t), name);
      }
      return check(YearMonth.from(LocalDate.parse(t)), name);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("BAD_PERIOD",
          "日期格式不对（" + name + "）：请写成 2026-05 或 2026-05-01");
    }
  }

  private static YearMonth check(YearMonth m, String name) {
    if (m.getYear() < 2000 || m.getYear() > 2100) {
      throw ApiException.badRequest("BAD_PERIOD", "年份超出范围（" + name + "）");
    }
    return m;
  }

  /** M, Q or Y when the period is exactly one month, quarter or year; otherwise CUSTOM. */
  private static String kind(YearMonth first, YearMonth last) {
    if (first.equals(last)) {
      return "M";
    }
    if (first.getMonthValue() % 3 == 1 && last.equals(first.plusMonths(2))) {
      return "Q";
    }
    if (first.getMonthValue() == 1 && last.equals(first.plusMonths(11))) {
      return "Y";
    }
    return "CUSTOM";
  }

  /** First day of the last month: rollups are keyed by month start. */
  LocalDate lastMonth() {
    return to.withDayOfMonth(1);
  }

  boolean standard() {
    return !kind.equals("CUSTOM");
  }
}
