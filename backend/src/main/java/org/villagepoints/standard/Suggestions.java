package org.villagepoints.standard;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.villagepoints.common.Sql;
import org.villagepoints.dashboard.Figures;
import org.villagepoints.dashboard.Period;
import org.villagepoints.dashboard.VillageFigures;

/**
 * Pre-fills self-check answers from the dashboard figures of the year (rollups, never the
 * ledger) and from award batches' notice dates for NOTICE_EVERY_MONTH.
 */
@Singleton
class Suggestions {

  private final Figures figures;
  private final Sql sql;

  Suggestions(Figures figures, Sql sql) {
    this.figures = figures;
    this.sql = sql;
  }

  /** The figures of one village for a calendar year. */
  VillageFigures yearFigures(long villageId, int year) {
    return figures.villages(Figures.Scope.VILLAGE, villageId,
        Period.parse(year + "-01", year + "-12")).get(0);
  }

  /** A suggestion per linked item, computed lazily from one read of the figures. */
  Suggestion suggest(String link, BigDecimal threshold, long villageId, int year,
      VillageFigures f) {
    double t = threshold == null ? 0 : threshold.doubleValue();
    return switch (link) {
      case "PARTICIPATION_RATE" -> rate("参与率", pct(f.participationRate()), t, link);
      case "CLEAN_HOUSEHOLD_RATE" -> f.cleanHouseholdRate() == null
          ? new Suggestion(link, 0, t, false, "平台数据：本年还没有结束的干净人家评比，暂无干净人家率")
          : rate("干净人家率", pct(f.cleanHouseholdRate()), t, link);
      case "POINTS_PER_HOUSEHOLD" -> {
        boolean meets = f.pointsPerHousehold() >= t;
        yield new Suggestion(link, f.pointsPerHousehold(), t, meets, "平台数据：户均积分 "
            + trim(f.pointsPerHousehold()) + " 分，" + (meets ? "达到" : "未达到") + " ≥"
            + trim(t) + " 分的要求");
      }
      default -> notices(villageId, year);
    };
  }

  private static Suggestion rate(String name, double value, double t, String link) {
    boolean meets = value >= t;
    return new Suggestion(link, value, t, meets, "平台数据：" + name + " " + trim(value) + "%，"
        + (meets ? "达到" : "未达到") + " ≥" + trim(t) + "% 的要求");
  }

  /** Months of the year (up to this month) in which a batch entered its notice period. */
  private Suggestion notices(long villageId, int year) {
    YearMonth now = YearMonth.now(Sql.ZONE);
    int last = year < now.getYear() ? 12 : year == now.getYear() ? now.getMonthValue() : 0;
    List<Integer> months = sql.list("""
        select distinct extract(month from notice_starts_at at time zone 'Asia/Shanghai')::int
        from award_batches where village_id = ? and notice_starts_at is not null
          and extract(year from notice_starts_at at time zone 'Asia/Shanghai') = ?""",
        rs -> rs.getInt(1), villageId, year);
    Set<Integer> missing = new TreeSet<>();
    for (int m = 1; m <= last; m++) {
      if (!months.contains(m)) {
        missing.add(m);
      }
    }
    boolean meets = last > 0 && missing.isEmpty();
    String text = "平台数据：" + year + " 年 1–" + last + " 月中有 " + (last - missing.size())
        + " 个月张榜公示" + (missing.isEmpty() ? "，每月都有" : "，缺 " + missing + " 月");
    return new Suggestion("NOTICE_EVERY_MONTH", last - missing.size(), (double) last, meets,
        text);
  }

  private static double pct(double fraction) {
    return Math.round(fraction * 10000) / 100.0;
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
