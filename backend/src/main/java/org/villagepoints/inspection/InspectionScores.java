package org.villagepoints.inspection;

import jakarta.inject.Singleton;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.villagepoints.common.Sql;

/**
 * The inspection figure of a ranking round (擂台赛). Penalty points of a village = Σ over the
 * findings of visits dated in the round's period: 1 (LOW), 2 (MEDIUM), 3 (HIGH), doubled when
 * the task was late (still OPEN after its deadline, or marked done after it). The figure is
 * {@code max(0, 1 − penalty ÷ CAP)}: no finding (or no visit) in the period scores 1.
 */
@Singleton
public class InspectionScores {

  /** Penalty points at which the figure reaches 0. */
  public static final int CAP = 10;

  private final Sql sql;

  InspectionScores(Sql sql) {
    this.sql = sql;
  }

  /** Penalty points per village (villages without findings are absent: 0). */
  public Map<Long, Long> penalties(List<Long> villages, LocalDate from, LocalDate to,
      LocalDate today) {
    Map<Long, Long> out = new HashMap<>();
    sql.list("""
        select f.village_id, sum(case f.severity when 'HIGH' then 3 when 'MEDIUM' then 2 else 1 end
          * case when (t.status = 'OPEN' and t.deadline < ?)
              or (t.done_at at time zone 'Asia/Shanghai')::date > t.deadline then 2 else 1 end)
        from inspection_findings f
        join inspections i on i.id = f.inspection_id
        join rectification_tasks t on t.finding_id = f.id
        where f.village_id = any(?) and i.visited_on between ? and ?
        group by f.village_id""", rs -> out.put(rs.getLong(1), rs.getLong(2)),
        Date.valueOf(today), villages.toArray(Long[]::new), Date.valueOf(from), Date.valueOf(to));
    return out;
  }

  public static double figure(long penalty) {
    return Math.max(0, 1 - (double) penalty / CAP);
  }
}
