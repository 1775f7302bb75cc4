package org.villagepoints.export;

import static org.villagepoints.export.Spreadsheets.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.villagepoints.common.Sql;
import org.villagepoints.support.TestApi;

/**
 * What each book must contain, worked out independently of the export code: plain reads of
 * each table, the month filter, joins and Chinese words done here in Java.
 */
final class ExpectedBooks {

  static final Map<String, String> KINDS = Map.of("AWARD", "奖励", "DEDUCTION", "扣分",
      "REDEMPTION", "兑换", "REFUND", "兑换退还", "REVERSAL", "冲正", "EXPIRY", "过期",
      "OPENING", "期初", "ADJUSTMENT", "调整");
  static final Map<String, String> STOCK = Map.of("DONATION_IN", "捐赠入库", "PURCHASE_IN",
      "采购入库", "REDEMPTION_OUT", "兑换出库", "REFUND_IN", "退还入库", "STOCKTAKE", "盘点");
  static final Map<String, String> RELATIONS = Map.of("HEAD", "户主", "SPOUSE", "配偶",
      "CHILD", "子女", "CHILD_IN_LAW", "儿媳/女婿", "PARENT", "父母", "GRANDCHILD", "孙子女",
      "SIBLING", "兄弟姐妹", "OTHER", "其他");
  static final List<String> AREAS = List.of("yard", "indoors", "kitchen", "toilet", "around",
      "conduct");

  private final Sql sql;
  private final long village;
  private final YearMonth month;
  private final Map<Long, String[]> households = new HashMap<>();

  ExpectedBooks(Sql sql, long village, YearMonth month) {
    this.sql = sql;
    this.village = village;
    this.month = month;
    sql.list("select h.id, h.code, h.head_name, g.name from households h, household_groups g"
        + " where g.id = h.group_id and h.village_id = ?", rs -> households.put(rs.getLong(1),
            new String[] {rs.getString(2), rs.getString(3), rs.getString(4)}), village);
  }

  boolean inMonth(Timestamp t) {
    return t != null && YearMonth.from(t.toInstant().atZone(Sql.ZONE)).equals(month);
  }

  boolean inMonth(LocalDate d) {
    return YearMonth.from(d).equals(month);
  }

  private List<String> household(long id) {
    return List.of(households.get(id));
  }

  private static List<String> row(Object... values) {
    List<String> out = new ArrayList<>();
    for (Object v : values) {
      if (v instanceof List<?> list) {
        list.forEach(x -> out.add(value(x)));
      } else {
        out.add(value(v));
      }
    }
    return out;
  }

  private static String day(Timestamp t) {
    return t.toInstant().atZone(Sql.ZONE).toLocalDate().toString();
  }

  List<List<String>> ledger() {
    return sql.list("""
        select e.recorded_at, e.occurred_at, a.household_id, e.kind, t.reason, e.amount,
          e.balance_after, t.actor_username, t.id
        from ledger_entries e, ledger_accounts a, ledger_transfers t
        where a.id = e.account_id and t.id = e.transfer_id and a.household_id is not null
          and e.village_id = ? order by e.occurred_at, e.id""", rs -> !inMonth(rs.getTimestamp(2))
            ? null
            : row(day(rs.getTimestamp(2)),
                household(rs.getLong(3)), KINDS.get(rs.getString(4)), rs.getString(5),
                rs.getLong(6), rs.getLong(7), rs.getTimestamp(1), rs.getString(8), rs.getLong(9)),
        village).stream().filter(r -> r != null).toList();
  }

  List<List<String>> awardBatches() {
    List<List<String>> out = new ArrayList<>();
    sql.list("select id, title, meeting_date, notice_starts_at, notice_ends_at, status from"
        + " award_batches where village_id = ? order by meeting_date, id", rs -> {
          if (!YearMonth.from(rs.getDate(3).toLocalDate()).equals(month)) {
            return null;
          }
          List<Object> batch = List.of(rs.getLong(1), rs.getString(2), rs.getDate(3),
              rs.getTimestamp(4) == null ? "" : rs.getTimestamp(4),
              rs.getTimestamp(5) == null ? "" : rs.getTimestamp(5),
              Map.of("DRAFT", "草稿", "NOTICE", "公示中", "POSTED", "已入账").get(rs.getString(6)));
          out.addAll(sql.list("""
              select i.household_id, v.category, v.name, i.points, i.status, i.posted_points,
                i.cut_reason, i.note from award_items i, rule_versions v
              where v.id = i.rule_version_id and i.batch_id = ? order by i.id""",
              it -> row(batch, household(it.getLong(1)), it.getString(2), it.getString(3),
                  it.getLong(4), Map.of("ACTIVE", "待入账", "POSTED", "已入账")
                      .get(it.getString(5)), it.getObject(6), it.getString(7),
                  it.getString(8)), rs.getLong(1)));
          return null;
        }, village);
    return out;
  }

  List<List<String>> redemptions() {
    return sql.list("""
        select r.id, r.created_at, r.household_id, r.method, r.points, r.attendant_username,
          r.refunded_at, (select reason from ledger_transfers where id = r.refund_transfer_id)
        from redemptions r where r.village_id = ? order by r.id""", rs -> {
          if (!inMonth(rs.getTimestamp(2))) {
            return null;
          }
          List<Object[]> lines = sql.list("select p.name, i.quantity from redemption_items i,"
              + " products p where p.id = i.product_id and i.redemption_id = ? order by i.id",
              it -> new Object[] {it.getString(1), it.getLong(2)}, rs.getLong(1));
          String goods = lines.stream().map(l -> l[0] + "×" + l[1])
              .collect(Collectors.joining("、"));
          long pieces = lines.stream().mapToLong(l -> (Long) l[1]).sum();
          return row(rs.getLong(1), rs.getTimestamp(2), household(rs.getLong(3)),
              rs.getString(4).equals("QR") ? "手机兑换码" : "户卡", goods, pieces, rs.getLong(5),
              rs.getString(6), rs.getTimestamp(7), rs.getString(8));
        }, village).stream().filter(r -> r != null).toList();
  }

  /** Dated when it happened: a donation's own date, a redemption's time, else entry time. */
  List<List<String>> stock() {
    Set<Long> seen = new HashSet<>();
    List<Object[]> rows = sql.list("""
        select m.id, m.occurred_at, p.name, p.unit, m.kind, m.quantity, m.stock_after, m.reason,
          m.source_type, m.source_id, m.actor_username, m.recorded_at
        from stock_movements m, products p where p.id = m.product_id and m.village_id = ?
        order by m.id""", rs -> {
          boolean donated = "DONATION".equals(rs.getString(9));
          boolean redeemed = "REDEMPTION_OUT".equals(rs.getString(5));
          Object[] d = donated ? sql.one("select id, kind, donor_name, donor_type, value_yuan,"
              + " occurred_on from donations where id = ?", it -> new Object[] {it.getLong(1),
                  it.getString(2).equals("DONATION") ? "捐赠" : "采购", it.getString(3),
                  Map.of("ENTERPRISE", "企业", "VILLAGE_FUNDS", "村集体资金").get(it.getString(4)),
                  it.getBigDecimal(5), it.getDate(6).toLocalDate()}, rs.getLong(10))
              .orElseThrow() : new Object[6];
          LocalDate day = donated ? (LocalDate) d[5] : redeemed
              ? sql.one("select created_at from redemptions where id = ?", it ->
                  it.getTimestamp(1), rs.getLong(10)).orElseThrow().toInstant().atZone(Sql.ZONE)
                  .toLocalDate()
              : rs.getTimestamp(2).toInstant().atZone(Sql.ZONE).toLocalDate();
          return new Object[] {day, rs.getLong(1), row(day, rs.getString(3), rs.getString(4),
              STOCK.get(rs.getString(5)), rs.getLong(6), rs.getLong(7), rs.getString(8),
              Arrays.asList(d).subList(0, 4), d[4],
              "REDEMPTION".equals(rs.getString(9)) ? rs.getLong(10) : "", rs.getString(11),
              rs.getTimestamp(12))};
        }, village);
    rows.sort(Comparator.comparing((Object[] r) -> (LocalDate) r[0])
        .thenComparing(r -> (Long) r[1]));
    List<List<String>> out = new ArrayList<>();
    for (Object[] r : rows) {
      if (!inMonth((LocalDate) r[0])) {
        continue;
      }
      @SuppressWarnings("unchecked")
      List<String> line = new ArrayList<>((List<String>) r[2]);
      if (!line.get(7).isEmpty() && !seen.add(Long.parseLong(line.get(7)))) {
        line.set(11, "");
      }
      out.add(line);
    }
    return out;
  }

  List<List<String>> ratings() {
    return sql.list("""
        select o.name, o.period_start, o.period_end, o.status, r.household_id, r.scores::text,
          r.total, r.stars, r.flagged, r.follow_up_on, r.note, r.inspector, r.rated_at
        from ratings r, rating_rounds o where o.id = r.round_id and r.village_id = ?
        order by o.period_end, o.id, r.household_id""", rs -> {
          if (!YearMonth.from(rs.getDate(3).toLocalDate()).equals(month)) {
            return null;
          }
          JsonNode scores = read(rs.getString(6));
          List<Object> areas = AREAS.stream().map(a -> (Object) scores.path(a).asLong()).toList();
          return row(rs.getString(1), rs.getDate(2), rs.getDate(3),
              rs.getString(4).equals("OPEN") ? "进行中" : "已结束", household(rs.getLong(5)), areas,
              rs.getLong(7), rs.getLong(8), rs.getBoolean(9) ? "是" : "否", rs.getDate(10),
              rs.getString(11), rs.getString(12), rs.getTimestamp(13));
        }, village).stream().filter(r -> r != null).toList();
  }

  /** The roster as the committee sees it: every household registered so far. */
  List<List<String>> households() {
    return sql.list("""
        select h.id, h.address, h.phone, h.low_income, h.status, h.created_at, h.archived_at,
          (select balance from ledger_accounts where household_id = h.id)
        from households h, household_groups g where g.id = h.group_id and h.village_id = ?
        order by g.position, g.id, h.code""", rs -> {
          List<String[]> members = sql.list("select name, relation from household_members"
              + " where household_id = ? order by position, id", it -> new String[] {
                  it.getString(1), RELATIONS.get(it.getString(2))}, rs.getLong(1));
          return row(household(rs.getLong(1)), rs.getString(2), rs.getString(3),
              members.stream().map(m -> m[0] + "(" + m[1] + ")").collect(Collectors.joining("、")),
              (long) members.size(), rs.getBoolean(4) ? "是" : "否",
              rs.getString(5).equals("ACTIVE") ? "在册" : "已归档", day(rs.getTimestamp(6)),
              rs.getTimestamp(7) == null ? "" : day(rs.getTimestamp(7)), rs.getLong(8));
        }, village);
  }

  private static JsonNode read(String json) {
    try {
      return TestApi.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
