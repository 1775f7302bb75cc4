package org.villagepoints.dashboard;

import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.villagepoints.common.Sql;

/**
 * Headline figures per village, read from the rollups of V009 and V016 (never from ledger
 * entries): sums from {@code village_years} for whole calendar years and {@code village_months}
 * for the other months, participants from {@code village_participation} for a
 * whole month, quarter or year (else distinct households over the months' activity rows),
 * the clean rate from the village's latest rating round closed by the period's end, and the
 * inspection flags from the small inspection tables (open and overdue tasks now, the latest
 * visit by the period's end, months of the period without a visit; see {@link InspectionMonths}).
 */
@Singleton
public class Figures {

  /** Which villages: one, a town's, a district's, or those of an array of ids (Long[]). */
  public enum Scope {
    VILLAGE("v.id = ?"), TOWN("v.town_id = ?"), DISTRICT("v.district_id = ?"),
    VILLAGES("v.id = any(?)");

    final String where;

    Scope(String where) {
      this.where = where;
    }
  }

  private final Sql sql;

  Figures(Sql sql) {
    this.sql = sql;
  }

  public List<VillageFigures> villages(Scope scope, Object id, Period period) {
    return villages(scope, id, period, LocalDate.now(Sql.ZONE));
  }

  /** The figures as seen on {@code today} (open and overdue tasks, months counted so far). */
  public List<VillageFigures> villages(Scope scope, Object id, Period period,
      LocalDate today) {
    InspectionMonths months = InspectionMonths.of(period, today);
    LocalDate[] years = wholeYears(period);
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
          ?::date d, ?::date yf, ?::date ot),
        scope as (
          select v.id, v.name, v.town_id, t.name town_name, v.active_households from villages v
          join towns t on t.id = v.town_id where %s),
        -- The rows to sum, flagged "inp" when they count for the period and "outp" when they
        -- count for the balance outstanding at its end. ot: January 1st of the first year not
        -- over by the period's last month; yf: the first of the period's whole calendar years
        -- (ot when it has none). Whole years come from village_years (every year before ot
        -- counts for the balance; those from yf for the period too), the other months from
        -- village_months in one pass: the period's months before yf (their years are in
        -- village_years for the balance) and the months from ot to its end (for the balance,
        -- and for the period from f on).
        r as (
          select y.village_id, y.year >= p.yf inp, true outp, y.points_issued,
            y.points_deducted, y.points_redeemed, y.points_expired, y.points_adjusted,
            y.awards, y.redemptions, y.household_delta
          from village_years y join scope s on s.id = y.village_id, params p
          where y.year < p.ot
          union all
          select m.village_id, m.month >= p.f, m.month >= p.ot, m.points_issued,
            m.points_deducted, m.points_redeemed, m.points_expired, m.points_adjusted,
            m.awards, m.redemptions, m.household_delta
          from village_months m join scope s on s.id = m.village_id, params p
          where m.month <= p.l and (m.month >= p.ot or m.month >= p.f and m.month < p.yf)),
        -- sums over float8: exact for integers below 2^53 and much cheaper per row than
        -- sum(bigint), which accumulates in numeric; cast back to bigint below
        sums as (
          select village_id,
            sum(points_issued::float8) filter (where inp) issued,
            sum(points_deducted::float8) filter (where inp) deducted,
            sum(points_redeemed::float8) filter (where inp) redeemed,
            sum(points_expired::float8) filter (where inp) expired,
            sum(points_adjusted::float8) filter (where inp) adjusted,
            sum(awards::float8) filter (where inp) awards,
            sum(redemptions::float8) filter (where inp) redemptions,
            sum(household_delta::float8) filter (where outp) outstanding
          from r group by village_id),
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
          coalesce(part.n, 0) participants, coalesce(issued, 0)::bigint issued,
          coalesce(deducted, 0)::bigint deducted, coalesce(redeemed, 0)::bigint redeemed,
          coalesce(expired, 0)::bigint expired, coalesce(adjusted, 0)::bigint adjusted,
          coalesce(outstanding, 0)::bigint outstanding, coalesce(awards, 0)::bigint awards,
          coalesce(redemptions, 0)::bigint redemptions, clean.rated, clean.clean,
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
        Date.valueOf(months.lastDay()), Date.valueOf(today), Date.valueOf(years[0]),
        Date.valueOf(years[1]), id);
  }

  /**
   * {yf, ot}: ot is January 1st of the first year not over by the period's last month (every
   * year before it is complete by then); yf the first January 1st in the period, or ot when
   * the period holds no whole calendar year. The period's whole years are [yf, ot).
   */
  static LocalDate[] wholeYears(Period period) {
    LocalDate last = period.lastMonth();
    LocalDate ot = last.withDayOfYear(1).plusYears(last.getMonthValue() == 12 ? 1 : 0);
    LocalDate first = period.from();
    LocalDate yf = first.getDayOfYear() == 1 ? first : first.withDayOfYear(1).plusYears(1);
    return new LocalDate[] {yf.isBefore(ot) ? yf : ot, ot};
  }

  /** By column position (the select list above): name lookups cost per row at district size. */
  private static VillageFigures row(ResultSet rs, long countedMonths) throws SQLException {
    long households = rs.getLong(5);
    long participants = rs.getLong(6);
    long issued = rs.getLong(7);
    long rated = rs.getLong(15);
    boolean hasRound = !rs.wasNull();
    long clean = rs.getLong(16);
    Date lastVisit = rs.getDate(19);
    return new VillageFigures(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
        households, participants, VillageFigures.rate(participants, households), issued,
        rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
        households == 0 ? 0 : Math.round(issued * 10.0 / households) / 10.0,
        rs.getLong(13), rs.getLong(14), rated, clean,
        !hasRound || rated == 0 ? null : VillageFigures.rate(clean, rated),
        rs.getLong(17), rs.getLong(18), lastVisit == null ? null : lastVisit.toLocalDate(),
        countedMonths - rs.getLong(20));
  }

  /** Month by month over the period (every month present, zero when nothing moved). */
  List<MonthFigures> months(Scope scope, long id, Period period) {
    Date first = Date.valueOf(period.from());
    Date last = Date.valueOf(period.lastMonth());
    return sql.list("""
        with m as (select generate_series(?::date, ?::date, interval '1 month')::date as month),
        r as (
          select x.month, sum(points_issued::float8) issued,
            sum(points_deducted::float8) deducted, sum(points_redeemed::float8) redeemed
          from village_months x join villages v on v.id = x.village_id
          where %s and x.month between ?::date and ?::date
          group by x.month),
        p as (
          select x.period_start as month, sum(households::float8) n
          from village_participation x join villages v on v.id = x.village_id
          where %s and x.period_kind = 'M' and x.period_start between ?::date and ?::date
          group by x.period_start)
        select m.month, coalesce(r.issued, 0)::bigint issued,
          coalesce(r.deducted, 0)::bigint deducted, coalesce(r.redeemed, 0)::bigint redeemed,
          coalesce(p.n, 0)::bigint participants
        from m left join r on r.month = m.month left join p on p.month = m.month
        order by m.month""".formatted(scope.where, scope.where),
        rs -> new MonthFigures(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3),
            rs.getLong(4), rs.getLong(5)), first, last, id, first, last, id, first, last);
  }

  /** How many months the trend of a period has. */
  static int monthCount(Period period) {
    return (int) ChronoUnit.MONTHS.between(period.from(), period.lastMonth()) + 1;
  }

  /**
   * Each village's trend over the period, as {@link #months} gives it for one village, in a
   * flat array: {issued, deducted, redeemed, participants} for each month in turn
   * ({@link #MONTH_FIELDS} longs a month, zero when nothing moved); a village with no row in
   * the period is missing.
   */
  Map<Long, long[]> villageMonths(Scope scope, Object id, Period period) {
    int n = monthCount(period);
    int base = 12 * period.from().getYear() + period.from().getMonthValue();
    Map<Long, long[]> out = new HashMap<>();
    Date first = Date.valueOf(period.from());
    Date last = Date.valueOf(period.lastMonth());
    sql.list("""
        with scope as (select v.id from villages v where %s)
        select village_id, month, points_issued, points_deducted, points_redeemed, 0::bigint
        from village_months where village_id in (select id from scope) and month between ? and ?
        union all
        select village_id, period_start, 0, 0, 0, households from village_participation
        where village_id in (select id from scope) and period_kind = 'M'
          and period_start between ? and ?""".formatted(scope.where),
        rs -> {
          long[] a = out.computeIfAbsent(rs.getLong(1), v -> new long[MONTH_FIELDS * n]);
          // as a LocalDate: getDate's Calendar was the largest JVM cost of a district answer
          // computed from scratch (extract() in SQL returns numeric: slower still)
          LocalDate month = rs.getObject(2, LocalDate.class);
          int i = MONTH_FIELDS * (12 * month.getYear() + month.getMonthValue() - base);
          for (int k = 0; k < MONTH_FIELDS; k++) {
            a[i + k] += rs.getLong(3 + k);
          }
          return null;
        }, id, first, last, first, last);
    return out;
  }

  /** Longs per month in {@link #villageMonths}. */
  static final int MONTH_FIELDS = 4;
}
