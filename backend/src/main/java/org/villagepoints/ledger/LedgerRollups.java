package org.villagepoints.ledger;

import java.sql.Connection;
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
 * upserted ({@link RollupUpserts}) in key order after every account lock is held, so concurrent
 * postings cannot deadlock on them.
 */
final class LedgerRollups {

  private LedgerRollups() {}

  /** What a transfer counts as: the original's kind, month and category for a reversal. */
  private record Basis(String kind, Instant occurredAt, String category) {}

  /** Columns of village_months after (village_id, month), in table order. */
  private static final int ISSUED = 0, DEDUCTED = 1, REDEEMED = 2, EXPIRED = 3, ADJUSTED = 4,
      AWARDS = 5, REDEMPTIONS = 6, HOUSEHOLD_DELTA = 7;

  static void apply(Connection c, List<TransferRequest> requests,
      Map<Long, PostingService.Account> accounts) throws SQLException {
    Map<Long, Basis> originals = originals(c, requests);
    List<String[]> sources = new ArrayList<>();
    requests.forEach(r -> sources.add(new String[] {r.sourceType(), r.sourceId()}));
    Map<Long, String> versionCategory = versionCategories(c, sources);
    Map<RollupUpserts.MonthKey, long[]> months = new TreeMap<>();
    Map<RollupUpserts.MonthKey, long[]> categories = new TreeMap<>();
    Map<RollupUpserts.ActivityKey, long[]> activity = new TreeMap<>();
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
      long[] m = months.computeIfAbsent(new RollupUpserts.MonthKey(r.villageId(), month, ""),
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
            new RollupUpserts.MonthKey(r.villageId(), month, basis.category()), k -> new long[3]);
        cat[basis.kind().equals("AWARD") ? 0 : 1] += points;
        cat[2] += sign;
      }
      if (basis.kind().equals("AWARD")) {
        PostingService.Account household = sign > 0 ? to : from;
        if (household.householdId != null) {
          for (String kind : List.of("M", "Q", "Y")) {
            long[] a = activity.computeIfAbsent(new RollupUpserts.ActivityKey(household.householdId, kind,
                periodStart(kind, month), r.villageId()), k -> new long[2]);
            a[0] += sign;
            a[1] += sign * r.amount();
          }
        }
      }
    }
    RollupUpserts.months(c, months);
    if (!categories.isEmpty()) {
      RollupUpserts.categories(c, categories);
    }
    if (!activity.isEmpty()) {
      RollupUpserts.activity(c, activity);
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
}
