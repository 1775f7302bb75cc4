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
 * Keeps the dashboard aggregates of V009 in step with the ledger, inside the posting
 * transaction: village × month × kind × category sums, and per-household award counts per
 * month, quarter and year with the village's participant counters. A reversal or refund is
 * counted against the transfer it undoes (its month, kind and category). Rows are upserted in
 * key order after every account lock is held, so concurrent postings cannot deadlock on them.
 */
final class LedgerRollups {

  private LedgerRollups() {}

  /** What a transfer counts as: the original's kind, month and category for a reversal. */
  private record Basis(String kind, Instant occurredAt, String category) {}

  private record RollupKey(long village, LocalDate month, String kind, String category)
      implements Comparable<RollupKey> {
    @Override
    public int compareTo(RollupKey o) {
      int c = Long.compare(village, o.village);
      c = c != 0 ? c : month.compareTo(o.month);
      c = c != 0 ? c : kind.compareTo(o.kind);
      return c != 0 ? c : category.compareTo(o.category);
    }
  }

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
    Map<Long, String> categories = versionCategories(c, sources);
    Map<RollupKey, long[]> rollups = new TreeMap<>();
    Map<ActivityKey, long[]> activity = new TreeMap<>();
    for (TransferRequest r : requests) {
      Basis basis = r.reversesTransferId() == null
          ? new Basis(r.kind().name(), r.occurredAt(), category(r.sourceType(), r.sourceId(),
              categories))
          : originals.get(r.reversesTransferId());
      long sign = r.reversesTransferId() == null ? 1 : -1;
      PostingService.Account from = accounts.get(r.fromAccountId());
      PostingService.Account to = accounts.get(r.toAccountId());
      long householdDelta = (to.householdId != null ? r.amount() : 0)
          - (from.householdId != null ? r.amount() : 0);
      LocalDate month = monthOf(basis.occurredAt());
      long[] sums = rollups.computeIfAbsent(
          new RollupKey(r.villageId(), month, basis.kind(), basis.category()), k -> new long[3]);
      sums[0] += sign * r.amount();
      sums[1] += sign;
      sums[2] += householdDelta;
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
    upsertRollups(c, rollups);
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

  private static void upsertRollups(Connection c, Map<RollupKey, long[]> rollups)
      throws SQLException {
    int n = rollups.size();
    Long[] village = new Long[n];
    Date[] month = new Date[n];
    String[] kind = new String[n];
    String[] category = new String[n];
    Long[] points = new Long[n];
    Long[] transfers = new Long[n];
    Long[] delta = new Long[n];
    int i = 0;
    for (Map.Entry<RollupKey, long[]> e : rollups.entrySet()) {
      village[i] = e.getKey().village();
      month[i] = Date.valueOf(e.getKey().month());
      kind[i] = e.getKey().kind();
      category[i] = e.getKey().category();
      points[i] = e.getValue()[0];
      transfers[i] = e.getValue()[1];
      delta[i] = e.getValue()[2];
      i++;
    }
    try (PreparedStatement ps = c.prepareStatement("""
        insert into ledger_rollups as r (village_id, month, kind, category, points, transfers,
          household_delta)
        select v, m, k, c, p, t, d from unnest(?::bigint[], ?::date[], ?::text[], ?::text[],
          ?::bigint[], ?::bigint[], ?::bigint[]) with ordinality as u(v, m, k, c, p, t, d, o)
        order by o
        on conflict (village_id, month, kind, category) do update
          set points = r.points + excluded.points, transfers = r.transfers + excluded.transfers,
            household_delta = r.household_delta + excluded.household_delta""")) {
      ps.setArray(1, array(c, "bigint", village));
      ps.setArray(2, array(c, "date", month));
      ps.setArray(3, array(c, "text", kind));
      ps.setArray(4, array(c, "text", category));
      ps.setArray(5, array(c, "bigint", points));
      ps.setArray(6, array(c, "bigint", transfers));
      ps.setArray(7, array(c, "bigint", delta));
      ps.executeUpdate();
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
