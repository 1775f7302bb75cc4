package org.villagepoints.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.export.Spreadsheets.Table;
import org.villagepoints.shop.QrTokens;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Bytes;

/**
 * The district summary equals a recomputation in Java from every household entry, household
 * and redemption of the district (the export sums in SQL and derives balances differently).
 */
@MicronautTest(transactional = false)
class DistrictSummaryTest extends ApiTest {

  @Inject Sql sql;
  @Inject QrTokens qr;
  private long district;
  private YearMonth month;
  private String admin;

  @BeforeAll
  void activityInTwoVillages() {
    Fixture f = new Fixture(sql);
    ExportSeed lixin = new ExportSeed(api(), f, "lixin").all(qr);
    ExportSeed ailin = new ExportSeed(api(), f, "ailin");
    ailin.adjust("H001", 30, "期初补录");
    ailin.adjust("H002", 8, "期初补录");
    assertThat(api().post("/api/households/" + ailin.household("H003") + "/archive", "{}",
        ailin.committee).status()).isBetween(200, 204);
    district = sql.number("select district_id from villages where id = ?", lixin.village);
    month = lixin.month;
    admin = api().login("district", "demo123");
  }

  private Table read(String format, YearMonth m) {
    Bytes file = api().bytes("/api/districts/" + district + "/exports/summary." + format
        + "?month=" + m, admin);
    assertThat(file.status()).as(file.text()).isEqualTo(200);
    return format.equals("xlsx") ? Spreadsheets.xlsx(file.body()) : Spreadsheets.csv(file.body());
  }

  /**
   * The summary's rows worked out here: per village households, participants, rate, opening,
   * issued, deducted, redeemed, other, closing and redemptions.
   */
  private List<List<String>> recompute(YearMonth m) {
    Timestamp start = Timestamp.from(m.atDay(1).atStartOfDay(Sql.ZONE).toInstant());
    Timestamp end = Timestamp.from(m.plusMonths(1).atDay(1).atStartOfDay(Sql.ZONE).toInstant());
    Map<Long, long[]> sums = new HashMap<>();
    Map<Long, Set<Long>> active = new HashMap<>();
    Map<Long, Set<Long>> awarded = new HashMap<>();
    List<Object[]> villages = sql.list("select v.id, t.name, v.name from villages v, towns t"
        + " where t.id = v.town_id and v.district_id = ? order by t.id, v.id",
        rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, district);
    villages.forEach(v -> {
      sums.put((Long) v[0], new long[9]);
      active.put((Long) v[0], new HashSet<>());
      awarded.put((Long) v[0], new HashSet<>());
    });
    sql.list("select id, village_id, archived_at from households", rs -> {
      boolean gone = rs.getTimestamp(3) != null && rs.getTimestamp(3).before(end);
      if (active.containsKey(rs.getLong(2)) && !gone) {
        active.get(rs.getLong(2)).add(rs.getLong(1));
      }
      return null;
    });
    // a reversal or refund counts as the transfer it undoes: its kind, its month
    Map<Long, Object[]> transfers = new HashMap<>();
    sql.list("select id, kind, occurred_at, reverses_transfer_id from ledger_transfers",
        rs -> transfers.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getTimestamp(3),
            Sql.nullableLong(rs, "reverses_transfer_id")}));
    Map<Long, Map<Long, Integer>> awards = new HashMap<>();
    sql.list("select e.village_id, a.household_id, e.transfer_id, e.amount"
        + " from ledger_entries e, ledger_accounts a where a.id = e.account_id"
        + " and a.household_id is not null", rs -> {
          long[] s = sums.get(rs.getLong(1));
          Object[] t = transfers.get(rs.getLong(3));
          Object[] basis = t[2] == null ? t : transfers.get((Long) t[2]);
          Timestamp at = (Timestamp) basis[1];
          long amount = rs.getLong(4);
          if (s == null || !at.before(end)) {
            return null;
          }
          s[7] += amount;
          if (at.before(start)) {
            s[2] += amount;
            return null;
          }
          switch ((String) basis[0]) {
            case "AWARD" -> {
              s[3] += amount;
              awards.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                  .merge(rs.getLong(2), t[2] == null ? 1 : -1, Integer::sum);
            }
            case "DEDUCTION" -> s[4] -= amount;
            case "REDEMPTION" -> s[5] -= amount;
            default -> s[6] += amount;
          }
          return null;
        });
    awards.forEach((v, counts) -> counts.forEach((household, n) -> {
      if (n > 0) {
        awarded.get(v).add(household);
      }
    }));
    sql.list("select village_id, created_at, refunded_at from redemptions", rs -> {
      long[] s = sums.get(rs.getLong(1));
      Timestamp at = rs.getTimestamp(2);
      if (s != null && !at.before(start) && at.before(end) && rs.getTimestamp(3) == null) {
        s[8]++;
      }
      return null;
    });
    List<List<String>> rows = new ArrayList<>();
    for (Object[] v : villages) {
      long id = (Long) v[0];
      long[] s = sums.get(id);
      Set<Long> participants = new HashSet<>(awarded.get(id));
      participants.retainAll(active.get(id));
      int households = active.get(id).size();
      String rate = households == 0 ? "" : BigDecimal.valueOf(participants.size())
          .divide(BigDecimal.valueOf(households), 3, RoundingMode.HALF_UP)
          .stripTrailingZeros().toPlainString();
      rows.add(List.of((String) v[1], (String) v[2], "" + households, "" + participants.size(),
          rate, "" + s[2], "" + s[3], "" + s[4], "" + s[5], "" + s[6], "" + s[7], "" + s[8]));
    }
    return rows;
  }

  @Test
  void theSummaryHasOneRowPerVillageEqualToARecomputation() {
    List<List<String>> expected = recompute(month);
    Table xlsx = read("xlsx", month);
    assertThat(xlsx.title()).isEqualTo("江源区 · 各村积分汇总 · " + month.getYear() + "年"
        + month.getMonthValue() + "月");
    assertThat(xlsx.header()).containsExactly("镇/街道", "村", "在册户数", "获奖励户数", "参与率",
        "月初积分余额", "本月发放", "本月扣减", "本月兑换", "其他变动", "月末积分余额", "兑换笔数");
    assertThat(percentTo3(xlsx.rows())).containsExactlyElementsOf(expected);
    assertThat(percentTo3(read("csv", month).rows())).containsExactlyElementsOf(expected);
    assertThat(api().bytes("/api/districts/" + district + "/exports/summary.csv", admin)
        .header("X-Export-Rows")).isEqualTo(Integer.toString(expected.size()));
    List<String> lixin = expected.stream().filter(r -> r.get(1).equals("立新村")).findFirst()
        .orElseThrow();
    // H001 awarded 15 (H003's award of last month was reversed: it counts there); 95
    // adjusted; 35 redeemed, 5 of it refunded
    assertThat(lixin.subList(3, 12)).containsExactly("1", lixin.get(4), "0", "15", "0", "30",
        "95", "80", "1");
    assertThat(lixin.get(10)).isEqualTo(Long.toString(sql.number("select sum(balance) from"
        + " ledger_accounts a join villages v on v.id = a.village_id where v.slug = 'lixin'"
        + " and a.kind = 'HOUSEHOLD'")));
    List<String> ailin = expected.stream().filter(r -> r.get(1).equals("爱林村")).findFirst()
        .orElseThrow();
    assertThat(Long.parseLong(ailin.get(2))).isEqualTo(sql.number("select count(*) from"
        + " households h join villages v on v.id = h.village_id where v.slug = 'ailin'") - 1);
  }

  @Test
  void aReversedAwardOfLastMonthNetsOutInLastMonth() {
    List<List<String>> expected = recompute(month.minusMonths(1));
    assertThat(percentTo3(read("csv", month.minusMonths(1)).rows()))
        .containsExactlyElementsOf(expected);
    assertThat(expected).allSatisfy(r -> assertThat(r.subList(5, 12))
        .containsExactly("0", "0", "0", "0", "0", "0", "0"));
    assertThat(expected).allSatisfy(r -> assertThat(r.subList(3, 5)).containsExactly("0", "0"));
    // the household archived this month was still on the register last month
    List<String> ailin = expected.stream().filter(r -> r.get(1).equals("爱林村")).findFirst()
        .orElseThrow();
    assertThat(Long.parseLong(ailin.get(2))).isEqualTo(sql.number("select count(*) from"
        + " households h join villages v on v.id = h.village_id where v.slug = 'ailin'"));
  }

  /** The CSV shows percentages to one decimal (25.0%); compare both as ratios to 3 places. */
  private static List<List<String>> percentTo3(List<List<String>> rows) {
    return rows.stream().map(r -> {
      List<String> copy = new ArrayList<>(r);
      if (!copy.get(4).isEmpty()) {
        copy.set(4, new BigDecimal(copy.get(4)).setScale(3, RoundingMode.HALF_UP)
            .stripTrailingZeros().toPlainString());
      }
      return copy;
    }).toList();
  }
}
