package org.villagepoints.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.villagepoints.common.Sql;

/**
 * Keeps the dashboard aggregates of V009 (and the yearly sums of V016) in step with the
 * ledger, inside the posting transaction: village × month and village × year sums per kind,
 * village × month × rule category sums of awards and deductions, and per-household award
 * counts per month, quarter and year with the village's participant counters. A reversal or
 * refund is counted against the transfer it undoes (its month, kind and category). Rows are
 * upserted in key order after every account lock is held, so concurrent postings cannot
 * deadlock on them.
 */
final class LedgerRollups {

  private LedgerRollups() {}

  /** What a transfer counts as: the original's kind, month and category for a reversal. */
  private record Basis(String kind, Instant occurredAt, String category) {}

  /** A village's month; {@code category} is "" for the village_months row. */
  private record MonthKey(long village, LocalDate month, String category)
      implements Comparable<MonthKey> {
    @Override
    public int compareTo(MonthKey o) {
      int c = Long.compare(village, o.village);
      c = c != 0 ? c : month.compareTo(o.month);
      return c != 0 ? c : category.compareTo(o.category);
    }
  }

  /** Columns of village_months after (village_id, month), in table order. */
  private static final int ISSUED = 0, DEDUCTED = 1, REDEEMED = 2, EXPIRED = 3, ADJUSTED = 4,
      AWARDS = 5, REDEMPTIONS = 6, HOUSEHOLD_DELTA = 7;

  private record ActivityKey(long household, String periodKind, LocalDate start, long village)
      implements Comparable<ActivityKey> {
    @Override
    public int compareTo(ActivityKey o) {
      int c = Long.compare(household, o.household);
      c = c != 0 ? c : periodKind.compareTo(o.periodKind);
      return c != 0 ? c : start.compareTo(o.start);
    }
  }

  static void apply(Connection c, List<TransferRequest> requests,
      Map<Long, PostingService.Account> accounts) throws SQLException {
    Map<Long, Basis> originals = originals(c, requests);
    List<String[]> sources = new ArrayList<>();
    requests.forEach(r -> sources.add(new String[] {r.sourceType(), r.sourceId()}));
    Map<Long, String> versionCategory = versionCategories(c, sources);
    Map<MonthKey, long[]> months = new TreeMap<>();
    Map<MonthKey, long[]> categories = new TreeMap<>();
    Map<ActivityKey, long[]> activity = new TreeMap<>();
    for (TransferRequest r : requests) {
      Basis basis = r.reversesTransferId() == null
          ? new Basis(r.kind().name(), r.occurredAt(), category(r.sourceType(), r.sourceId(),
              versionCategory))
          : originals.get(r.reversesTransferId());
      long sign = r.reversesTransferId() == null ? 1 : -1;
      PostingService.Account from = accounts.get(r.fromAccountId());
      PostingService.Account to = accounts.get(r.toAccountId());
      long householdDelta = (to.householdId != null ? r.amount() : 0)
          - (from.householdId != null ? r.amount() : 0);
      LocalDate month = monthOf(basis.occurredAt());
      long points = sign * r.amount();
      long[] m = months.computeIfAbsent(new MonthKey(r.villageId(), month, ""),
          k -> new long[HOUSEHOLD_DELTA + 1]);
      switch (basis.kind()) {
        case "AWARD" -> {
          m[ISSUED] += points;
          m[AWARDS] += sign;
        }
        case "DEDUCTION" -> m[DEDUCTED] += points;
        case "REDEMPTION" -> {
          m[REDEEMED] += points;
          m[REDEMPTIONS] += sign;
        }
        case "EXPIRY" -> m[EXPIRED] += points;
        default -> m[ADJUSTED] += householdDelta; // ADJUSTMENT, OPENING
      }
      m[HOUSEHOLD_DELTA] += householdDelta;
      if (basis.kind().equals("AWARD") || basis.kind().equals("DEDUCTION")) {
        long[] cat = categories.computeIfAbsent(
            new MonthKey(r.villageId(), month, basis.category()), k -> new long[3]);
        cat[basis.kind().equals("AWARD") ? 0 : 1] += points;
        cat[2] += sign;
      }
      if (basis.kind().equals("AWARD")) {
        PostingService.Account household = sign > 0 ? to : from;
        if (household.householdId != null) {
          for (String kind : List.of("M", "Q", "Y")) {
            long[] a = activity.computeIfAbsent(new ActivityKey(household.householdId, kind,
                periodStart(kind, month), r.villageId()), k -> new long[2]);
            a[0] += sign;
            a[1] += sign * r.amount();
          }
        }
      }
    }
    upsertMonths(c, months);
    if (!categories.isEmpty()) {
      upsertCategories(c, categories);
    }
    if (!activity.isEmpty()) {
      upsertActivity(c, activity);
    }
  }

  static LocalDate monthOf(Instant occurredAt) {
    return occurredAt.atZone(Sql.ZONE).toLocalDate().withDayOfMonth(1);
  }

  static LocalDate periodStart(String periodKind, LocalDate month) {
    return switch (periodKind) {
      case "M" -> month;
      case "Q" -> month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
      case "Y" -> month.withDayOfYear(1);
      default -> throw new IllegalArgumentException(periodKind);
    };
  }

  private static String category(String sourceType, String sourceId, Map<Long, String> byVersion) {
    if (!"RULE_VERSION".equals(sourceType) || sourceId == null) {
      return "";
    }
    return byVersion.getOrDefault(Long.parseLong(sourceId), "");
  }

  private static Map<Long, Basis> originals(Connection c, List<TransferRequest> requests)
      throws SQLException {
    Set<Long> ids = new TreeSet<>();
    requests.forEach(r -> {
      if (r.reversesTransferId() != null) {
        ids.add(r.reversesTransferId());
      }
    });
    Map<Long, Basis> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    Map<Long, String[]> sources = new HashMap<>();
    Map<Long, Object[]> rows = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("""
        select id, kind, occurred_at, source_type, source_id from ledger_transfers
        where id = any(?)""")) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong("id");
          rows.put(id, new Object[] {rs.getString("kind"),
              rs.getTimestamp("occurred_at").toInstant()});
          sources.put(id, new String[] {rs.getString("source_type"), rs.getString("source_id")});
        }
      }
    }
    Map<Long, String> categories = versionCategories(c, sources.values());
    rows.forEach((id, row) -> found.put(id, new Basis((String) row[0], (Instant) row[1],
        category(sources.get(id)[0], sources.get(id)[1], categories))));
    return found;
  }

  private static Map<Long, String> versionCategories(Connection c, Iterable<String[]> sources)
      throws SQLException {
    Set<Long> versions = new TreeSet<>();
    for (String[] s : sources) {
      if ("RULE_VERSION".equals(s[0]) && s[1] != null) {
        versions.add(Long.parseLong(s[1]));
      }
    }
    Map<Long, String> found = new HashMap<>();
    if (versions.isEmpty()) {
      return found;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "select id, category from rule_versions where id = any(?)")) {
      ps.setArray(1, c.createArrayOf("bigint", versions.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getLong(1), rs.getString(2));
        }
      }
    }
    return found;
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

  private static void upsertMonths(Connection c, Map<MonthKey, long[]> months)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT_MONTHS_AND_YEARS)) {
      bindKeyed(c, ps, months, false);
      ps.executeUpdate();
    }
  }

  private static void upsertCategories(Connection c, Map<MonthKey, long[]> categories)
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

  private static void upsertActivity(Connection c, Map<ActivityKey, long[]> activity)
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
