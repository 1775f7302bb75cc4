package org.villagepoints.inspection;

import java.time.LocalDate;
import org.villagepoints.common.ApiException;

/**
 * Deadlines of rectification tasks (Asia/Shanghai dates). A finding's task is due 7 days after
 * the visit when HIGH, 14 when MEDIUM, 30 when LOW; a weak point or household plan 30 days
 * after it was entered. A deadline lies between the task's start and one year after it.
 */
final class Deadlines {

  static final int OTHER_DAYS = 30;
  static final int MAX_DAYS = 366;

  private Deadlines() {}

  static LocalDate forSeverity(String severity, LocalDate visitedOn) {
    return visitedOn.plusDays(switch (severity) {
      case "HIGH" -> 7;
      case "MEDIUM" -> 14;
      default -> 30;
    });
  }

  /** The deadline given, or {@code fallback}; 400 BAD_DEADLINE outside start … start + 1 year. */
  static LocalDate check(LocalDate given, LocalDate fallback, LocalDate start) {
    LocalDate d = given == null ? fallback : given;
    if (d.isBefore(start) || d.isAfter(start.plusDays(MAX_DAYS))) {
      throw ApiException.badRequest("BAD_DEADLINE",
          "整改期限应在 " + start + " 至 " + start.plusDays(MAX_DAYS) + " 之间");
    }
    return d;
  }
}
