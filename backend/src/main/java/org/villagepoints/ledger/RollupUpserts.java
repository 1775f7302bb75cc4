package org.villagepoints.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

/**
 * Writes the sums {@link LedgerRollups} worked out for a posting into the rollup tables of
 * V009 and V016: one statement per table family, the rows in key order (the maps are sorted),
 * each adding to what is there.
 */
final class RollupUpserts {

  private RollupUpserts() {}

  /** A village's month; {@code category} is "" for the village_months row. */
  record MonthKey(long village, LocalDate month, String category)
      implements Comparable<MonthKey> {
    @Override
    public int compareTo(MonthKey o) {
      int c = Long.compare(village, o.village);
      c = c != 0 ? c : month.compareTo(o.month);
      return c != 0 ? c : category.compareTo(o.category);
    }
  }

  /** A household's month, quarter or year (kind M, Q, Y from its first day). */
  record ActivityKey(long household, String periodKind, LocalDate start, long village)
      implements Comparable<ActivityKey> {
    @Override
    public int compareTo(ActivityKey o) {
      int c = Long.compare(household, o.household);
      c = c != 0 ? c : periodKind.compareTo(o.periodKind);
      return c != 0 ? c : start.compareTo(o.start);
    }
  }

  /** The upserts of village_months and village_years: add the new sums to the row's. */
  private static final String ADD_SUMS = """
      points_issued = r.points_issued + excluded.points_issued,
      points_deducted = r.points_deducted + excluded.points_deducted,
      points_redeemed = r.points_redeemed + excluded.points_redeemed,
      points_expired = r.points_expired + excluded.points_expired,
      points_adjusted = r.points_adjusted + excluded.points_adjusted,
      awards = r.awards + excluded.awards,
      redemptions = r.redemptions + excluded.redemptions,
      household_delta = r.household_delta + excluded.household_delta""";

  // The months, then (reading the months' result, so always in this order and in key order:
  // no two postings can lock these rows the other way round) the same sums per year.
  private static final String UPSERT_MONTHS_AND_YEARS = """
    with u as (
      select * from unnest(?::bigint[], ?::date[], ?::bigint[], ?::bigint[], ?::bigint[],
        ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
        with ordinality as u(v, m, c0, c1, c2, c3, c4, c5, c6, c7, o)
    ), mo as (
      insert into village_months as r (village_id, month, points_issued, points_deducted,
        points_redeemed, points_expired, points_adjusted, awards, redemptions,
        household_delta)
      select v, m, c0, c1, c2, c3, c4, c5, c6, c7 from u order by o
      on conflict (village_id, month) do update set %1$s
      returning r.village_id, r.month)
    insert into village_years as r (village_id, year, points_issued, points_deducted,
      points_redeemed, points_expired, points_adjusted, awards, redemptions, household_delta)
    select u.v, date_trunc('year', u.m)::date, sum(c0), sum(c1), sum(c2), sum(c3), sum(c4),
      sum(c5), sum(c6), sum(c7)
    from u join mo on mo.village_id = u.v and mo.month = u.m
    group by 1, 2 order by 1, 2
    on conflict (village_id, year) do update set %1$s""".formatted(ADD_SUMS);

  static void months(Connection c, Map<MonthKey, long[]> months)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT_MONTHS_AND_YEARS)) {
      bindKeyed(c, ps, months, false);
      ps.executeUpdate();
    }
  }

  static void categories(Connection c, Map<MonthKey, long[]> categories)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        insert into category_months as r (village_id, month, category, points_issued,
          points_deducted, transfers)
        select v, m, k, c0, c1, c2 from unnest(?::bigint[], ?::date[], ?::text[], ?::bigint[],
          ?::bigint[], ?::bigint[]) with ordinality as u(v, m, k, c0, c1, c2, o)
        order by o
        on conflict (village_id, month, category) do update set
          points_issued = r.points_issued + excluded.points_issued,
          points_deducted = r.points_deducted + excluded.points_deducted,
          transfers = r.transfers + excluded.transfers""")) {
      bindKeyed(c, ps, categories, true);
      ps.executeUpdate();
    }
  }

  /** Binds village, month, (category,) then one bigint array per value column, key order. */
  private static void bindKeyed(Connection c, PreparedStatement ps, Map<MonthKey, long[]> rows,
      boolean withCategory) throws SQLException {
    int n = rows.size();
    int width = rows.values().iterator().next().length;
    Long[] village = new Long[n];
    Date[] month = new Date[n];
    String[] category = new String[n];
    Long[][] values = new Long[width][n];
    int i = 0;
    for (Map.Entry<MonthKey, long[]> e : rows.entrySet()) {
      village[i] = e.getKey().village();
      month[i] = Date.valueOf(e.getKey().month());
      category[i] = e.getKey().category();
      for (int col = 0; col < width; col++) {
        values[col][i] = e.getValue()[col];
      }
      i++;
    }
    int p = 1;
    ps.setArray(p++, array(c, "bigint", village));
    ps.setArray(p++, array(c, "date", month));
    if (withCategory) {
      ps.setArray(p++, array(c, "text", category));
    }
    for (Long[] column : values) {
      ps.setArray(p++, array(c, "bigint", column));
    }
  }

  static void activity(Connection c, Map<ActivityKey, long[]> activity)
      throws SQLException {
    int n = activity.size();
    Long[] household = new Long[n];
    Long[] village = new Long[n];
    String[] kind = new String[n];
    Date[] start = new Date[n];
    Long[] awards = new Long[n];
    Long[] points = new Long[n];
    int i = 0;
    for (Map.Entry<ActivityKey, long[]> e : activity.entrySet()) {
      household[i] = e.getKey().household();
      village[i] = e.getKey().village();
      kind[i] = e.getKey().periodKind();
      start[i] = Date.valueOf(e.getKey().start());
      awards[i] = e.getValue()[0];
      points[i] = e.getValue()[1];
      i++;
    }
    // A household's count crossing zero moves its village's participant counter by one.
    try (PreparedStatement ps = c.prepareStatement("""
        with input as (
          select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::date[], ?::bigint[],
            ?::bigint[]) with ordinality as u(household_id, village_id, period_kind,
            period_start, awards, points, o)
        ), up as (
          insert into household_activity as a (household_id, village_id, period_kind,
            period_start, awards, points)
          select household_id, village_id, period_kind, period_start, awards, points
          from input order by o
          on conflict (household_id, period_kind, period_start) do update
            set awards = a.awards + excluded.awards, points = a.points + excluded.points
          returning a.household_id, a.village_id, a.period_kind, a.period_start, a.awards
        ), moved as (
          select up.village_id, up.period_kind, up.period_start,
            sum(case when up.awards > 0 and up.awards - i.awards <= 0 then 1
                     when up.awards <= 0 and up.awards - i.awards > 0 then -1
                     else 0 end) as delta
          from up join input i on i.household_id = up.household_id
            and i.period_kind = up.period_kind and i.period_start = up.period_start
          group by up.village_id, up.period_kind, up.period_start
        )
        insert into village_participation as p (village_id, period_kind, period_start,
          households)
        select village_id, period_kind, period_start, delta from moved where delta <> 0
        order by village_id, period_kind, period_start
        on conflict (village_id, period_kind, period_start) do update
          set households = p.households + excluded.households""")) {
      ps.setArray(1, array(c, "bigint", household));
      ps.setArray(2, array(c, "bigint", village));
      ps.setArray(3, array(c, "text", kind));
      ps.setArray(4, array(c, "date", start));
      ps.setArray(5, array(c, "bigint", awards));
      ps.setArray(6, array(c, "bigint", points));
      ps.executeUpdate();
    }
  }

  private static Array array(Connection c, String type, Object[] values) throws SQLException {
    return c.createArrayOf(type, values);
  }
}
