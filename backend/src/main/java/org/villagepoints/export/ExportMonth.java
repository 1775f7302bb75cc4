package org.villagepoints.export;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * The month a book covers, in Asia/Shanghai: from its first midnight (inclusive) to the next
 * month's (exclusive). Without a month the current one is taken.
 */
record ExportMonth(YearMonth month) {

  static ExportMonth parse(String text) {
    if (text == null || text.isBlank()) {
      return new ExportMonth(YearMonth.now(Sql.ZONE));
    }
    try {
      if (!text.matches("\\d{4}-\\d{2}")) {
        throw new DateTimeParseException("not YYYY-MM", text, 0);
      }
      YearMonth month = YearMonth.parse(text);
      if (month.getYear() < 2000 || month.getYear() > 2100) {
        throw new DateTimeParseException("out of range", text, 0);
      }
      return new ExportMonth(month);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("BAD_MONTH",
          "月份填写有误：请用“年-月”的格式，例如 2026-03（2000 年至 2100 年之间）");
    }
  }

  LocalDate firstDay() {
    return month.atDay(1);
  }

  /** The first day of the next month: the exclusive end. */
  LocalDate endDay() {
    return month.plusMonths(1).atDay(1);
  }

  OffsetDateTime start() {
    return firstDay().atStartOfDay(Sql.ZONE).toOffsetDateTime();
  }

  OffsetDateTime end() {
    return endDay().atStartOfDay(Sql.ZONE).toOffsetDateTime();
  }

  /** 2026-03, as in file and sheet names. */
  String key() {
    return month.toString();
  }

  /** 2026年3月, as in titles. */
  String chinese() {
    return month.getYear() + "年" + month.getMonthValue() + "月";
  }
}
