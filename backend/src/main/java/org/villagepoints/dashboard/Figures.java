package org.villagepoints.dashboard;

import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.villagepoints.common.Sql;

/**
 * Headline figures per village, read from the rollups of V009 (never from ledger entries):
 * sums from {@code village_months}, participants from {@code village_participation} for a
 * whole month, quarter or year (else distinct households over the months' activity rows),
 * the clean rate from the village's latest rating round closed by the period's end, and the
 * inspection flags from the small inspection tables (open and overdue tasks now, the latest
 * visit by the period's end, months of the period without a visit; see {@link InspectionMonths}).
 */
@Singleton
public class Figures {

  /** Which villages: one, a town's, or a district's. */
  public enum Scope {
    VILLAGE("v.id = ?"), TOWN("v.town_id = ?"), DISTRICT("v.district_id = ?");

    final String where;

    Scope(String where) {
      this.where = where;
    }
  }

  private final Sql sql;

  Figures(Sql sql) {
    this.sql = sql;
  }

  public List<VillageFigures> villages(Scope scope, long id, Period period) {
    return villages(scope, id, period, LocalDate.now(Sql.ZONE));
  }

  /** The figures as seen on {@code today} (open and overdue tasks, months counted so far). */
  public List<VillageFigures> villages(Scope scope, long id, Period period, LocalDate today) {
    InspectionMonths months = InspectionMonths.of(period, today);
    String participants = period.standard() ? """
        select village_id, households n from village_participation
        where period_kind = (select pkind from params) and period_start = (select f from params)
          and village_id in (select id from scope)"""
        : """
        select village_id, count(distinct household_id) n from household_activity
        where period_kind = 'M' and awards > 0
          and period_start between (select f from params) and (select l from params)
          and village_id in (select id from scope)
        group by village_id""";
    return sql.list("""
        with params as (select ?::date f, ?::date l, ?::date e, ?::text pkind, ?::date c,
          ?::date d),
        scope as (
          select v.id, v.name, v.town_id, t.name town_name, v.active_households from villages v
          join towns t on t.id = v.town_id where %s),
        sums as (
          select village_id,
            sum(points_issued) filter (where month >= f) issued,
            sum(points_deducted) filter (where month >= f) deducted,
            sum(points_redeemed) filter (where month >= f) redeemed,
            sum(points_expired) filter (where month >= f) expired,
            sum(points_adjusted) filter (where month >= f) adjusted,
            sum(awards) filter (where month >= f) awards,
            sum(redemptions) filter (where month >= f) redemptions,
            sum(household_delta) outstanding
          from village_months, params
          where village_id in (select id from scope) and month <= l
          group by village_id),
        part as (%s),
        clean as (
          select distinct on (village_id) village_id, rated, clean from rating_round_stats
          where village_id in (select id from scope) and period_end <= (select e from params)
          order by village_id, period_end desc),
        visits as (
          select village_id,
            max(visited_on) filter (where visited_on <= (select e from params)) last_visit,
            count(distinct date_trunc('month', visited_on)) filter (where visited_on
              between (select f from params) and (select c from params)) visited_months
          from inspections where village_id in (select id from scope)
          group by village_id),
        tasks as (
          select village_id, count(*) open_tasks,
            count(*) filter (where deadline < (select d from params)) overdue_tasks
          from rectification_tasks
          where village_id in (select id from scope) and status = 'OPEN'
          group by village_id)
        select s.id, s.name, s.town_id, s.town_name, s.active_households households,
          coalesce(part.n, 0) participants, coalesce(issued, 0) issued,
          coalesce(deducted, 0) deducted, coalesce(redeemed, 0) redeemed,
          coalesce(expired, 0) expired, coalesce(adjusted, 0) adjusted,
          coalesce(outstanding, 0) outstanding, coalesce(awards, 0) awards,
          coalesce(redemptions, 0) redemptions, clean.rated, clean.clean,
          coalesce(tasks.open_tasks, 0) open_tasks, coalesce(tasks.overdue_tasks, 0) overdue_tasks,
          visits.last_visit, coalesce(visits.visited_months, 0) visited_months
        from scope s
        left join sums on sums.village_id = s.id
        left join part on part.village_id = s.id
        left join clean on clean.village_id = s.id
        left join visits on visits.village_id = s.id
        left join tasks on tasks.village_id = s.id
        order by s.town_id, s.id""".formatted(scope.where, participants),
        rs -> row(rs, months.counted()), Date.valueOf(period.from()),
        Date.valueOf(period.lastMonth()), Date.valueOf(period.to()), period.kind(),
        Date.valueOf(months.lastDay()), Date.valueOf(today), id);
  }

  private static VillageFigures row(ResultSet rs, long countedMonths) throws SQLException {
    long households = rs.getLong("households");
    long participants = rs.getLong("participants");
    Long rated = Sql.nullableLong(rs, "rated");
    long clean = rs.getLong("clean");
    return new VillageFigures(rs.getLong("id"), rs.getString("name"), rs.getLong("town_id"),
        rs.getString("town_name"), households, participants,
        VillageFigures.rate(participants, households), rs.getLong("issued"),
        rs.getLong("deducted"), rs.getLong("redeemed"), rs.getLong("expired"),
        rs.getLong("adjusted"), rs.getLong("outstanding"),
        households == 0 ? 0 : Math.round(rs.getLong("issued") * 10.0 / households) / 10.0,
        rs.getLong("awards"), rs.getLong("redemptions"), rated == null ? 0 : rated, clean,
        rated == null || rated == 0 ? null : VillageFigures.rate(clean, rated),
        rs.getLong("open_tasks"), rs.getLong("overdue_tasks"),
        rs.getDate("last_visit") == null ? null : rs.getDate("last_visit").toLocalDate(),
        countedMonths - rs.getLong("visited_months"));
  }

  /** Month by month over the period (every month present, zero when nothing moved). */
  List<MonthFigures> months(Scope scope, long id, Period period) {
    return sql.list("""
        with params as (select ?::date f, ?::date l),
        scope as (select v.id from villages v where %s),
        m as (select generate_series(f, l, interval '1 month')::date as month from params),
        r as (
          select month, sum(points_issued) issued, sum(points_deducted) deducted,
            sum(points_redeemed) redeemed
          from village_months, params
          where village_id in (select id from scope) and month between f and l
          group by month),
        p as (
          select period_start as month, sum(households) n from village_participation, params
          where period_kind = 'M' and village_id in (select id from scope)
            and period_start between f and l
          group by period_start)
        select m.month, coalesce(r.issued, 0) issued, coalesce(r.deducted, 0) deducted,
          coalesce(r.redeemed, 0) redeemed, coalesce(p.n, 0) participants
        from m left join r on r.month = m.month left join p on p.month = m.month
        order by m.month""".formatted(scope.where),
        rs -> new MonthFigures(rs.getDate("month").toLocalDate(), rs.getLong("issued"),
            rs.getLong("deducted"), rs.getLong("redeemed"), rs.getLong("participants")),
        Date.valueOf(period.from()), Date.valueOf(period.lastMonth()), id);
  }
}
