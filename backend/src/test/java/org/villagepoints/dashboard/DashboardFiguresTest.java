package org.villagepoints.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.auth.Caller;
import org.villagepoints.award.AwardBatches;
import org.villagepoints.award.AwardPolicies;
import org.villagepoints.award.BatchForm;
import org.villagepoints.award.PolicyForm;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.household.HouseholdRegister;
import org.villagepoints.ledger.Corrections;
import org.villagepoints.ledger.TransferKind;
import org.villagepoints.shop.ProductForm;
import org.villagepoints.shop.RedeemRequest;
import org.villagepoints.shop.RedemptionService;
import org.villagepoints.shop.ShopCatalog;
import org.villagepoints.shop.StockBook;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

/**
 * Random activity posted through the real services in the four villages of two towns; every
 * dashboard figure must equal a recomputation in Java from the raw ledger tables (transfers,
 * accounts, rule versions, households), for a month, a quarter, a year, a custom range and an
 * empty period, at village, town and district level.
 */
@MicronautTest(transactional = false)
class DashboardFiguresTest extends ApiTest {

  static final long SEED = Long.getLong("vp.test.seed", 20261129L);
  static final List<String> VILLAGES = List.of("lixin", "songlin", "ailin", "hedong");

  @Inject AwardBatches batches;
  @Inject AwardPolicies policies;
  @Inject Corrections corrections;
  @Inject HouseholdRegister register;
  @Inject ShopCatalog catalog;
  @Inject StockBook stock;
  @Inject RedemptionService redemptions;
  @Inject Sql sql;

  private String district;

  @BeforeAll
  void postRandomActivity() {
    System.out.println("DashboardFiguresTest seed " + SEED + " (-Dvp.test.seed=... to rerun)");
    Random random = new Random(SEED);
    Fixture f = new Fixture(sql);
    for (String slug : VILLAGES) {
      long village = f.village(slug);
      Caller committee = f.committee(slug);
      policies.set(committee, village, new PolicyForm(0, null));
      List<Long> households = sql.list("select id from households where village_id = ?"
          + " and status = 'ACTIVE' order by id", rs -> rs.getLong(1), village);
      List<Long> rules = sql.list("select r.id from rules r join rule_versions v"
          + " on v.id = r.current_version where r.village_id = ? and r.active order by r.id",
          rs -> rs.getLong(1), village);
      for (int b = 0; b < 10; b++) {
        List<BatchForm.Item> items = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
          // up to 500 days back: last year's months and whole year count too
          OffsetDateTime when = LocalDate.now(Sql.ZONE).minusDays(random.nextInt(500))
              .atTime(10, 0).atZone(Sql.ZONE).toOffsetDateTime();
          items.add(new BatchForm.Item(households.get(random.nextInt(households.size())),
              rules.get(random.nextInt(rules.size())), "测试", "照片", when, null));
        }
        try {
          batches.approve(committee, batches.create(committee, village,
              new BatchForm("评议 " + b, LocalDate.now(Sql.ZONE), null, items)));
        } catch (ApiException refused) {
          // e.g. a deduction larger than the household's points: the meeting fixes it later
        }
      }
      List<Long> transfers = sql.list("select id from ledger_transfers where village_id = ?"
          + " and kind in ('AWARD', 'DEDUCTION') order by id", rs -> rs.getLong(1), village);
      for (int i = 0; i < 4 && !transfers.isEmpty(); i++) {
        long target = transfers.get(random.nextInt(transfers.size()));
        try {
          corrections.reverse(committee, target, "更正", TransferKind.REVERSAL);
        } catch (ApiException refusedOrAlreadyReversed) {
          // reversal refused (points spent) or repeated: nothing posted
        }
      }
      corrections.adjust(committee, households.get(0), 7, "期初补录");
      if (slug.equals("hedong")) { // the active count follows archiving
        register.archive(committee, households.get(households.size() - 1));
      }
      long product = catalog.create(committee, village,
          new ProductForm("测试香皂", "块", "日用品", 3L, true, 0)).id();
      stock.move(committee, village, product, "PURCHASE_IN", 100, "采购", null, null);
      List<Long> sold = new ArrayList<>();
      for (long household : households) {
        if (f.balance(household) >= 3 && random.nextInt(3) == 0) {
          sold.add(redemptions.recordPast(committee, household,
              List.of(new RedeemRequest.Line(product, 1L)), LocalDate.now(Sql.ZONE)
                  .minusDays(random.nextInt(200)).atStartOfDay(Sql.ZONE).toInstant()).id());
        }
      }
      if (!sold.isEmpty()) {
        redemptions.refund(committee, sold.get(0), "拿错了");
      }
    }
    district = api().login("district", "demo123");
  }

  @Test
  void villageFiguresEqualARecomputationFromTheLedger() {
    YearMonth now = YearMonth.now(Sql.ZONE);
    YearMonth quarterStart = now.withMonth((now.getMonthValue() - 1) / 3 * 3 + 1);
    List<YearMonth[]> periods = List.of(
        new YearMonth[] {now, now},
        new YearMonth[] {now.minusMonths(3), now.minusMonths(3)},
        new YearMonth[] {quarterStart, quarterStart.plusMonths(2)},
        new YearMonth[] {YearMonth.of(now.getYear(), 1), YearMonth.of(now.getYear(), 12)},
        new YearMonth[] {now.minusMonths(7), now.minusMonths(2)},
        // whole calendar years (read from the yearly rollup) with and without months around
        new YearMonth[] {YearMonth.of(now.getYear() - 1, 1), YearMonth.of(now.getYear() - 1, 12)},
        new YearMonth[] {YearMonth.of(now.getYear() - 1, 3), now},
        new YearMonth[] {YearMonth.of(now.getYear() - 1, 6), YearMonth.of(now.getYear(), 2)},
        new YearMonth[] {YearMonth.of(now.getYear() - 1, 1), now.plusMonths(1)},
        new YearMonth[] {YearMonth.of(2020, 1), YearMonth.of(2020, 3)});
    Fixture f = new Fixture(sql);
    int productsCompared = 0;
    for (String slug : VILLAGES) {
      long village = f.village(slug);
      for (YearMonth[] p : periods) {
        Expected e = expected(village, p[0], p[1]);
        JsonNode d = dashboard("/api/villages/" + village + "/dashboard", p);
        String at = slug + " " + p[0] + ".." + p[1];
        assertThat(d.path("households").asLong()).as(at).isEqualTo(e.households);
        assertThat(d.path("participants").asLong()).as(at).isEqualTo(e.participants.size());
        assertThat(d.path("pointsIssued").asLong()).as(at).isEqualTo(e.issued);
        assertThat(d.path("pointsDeducted").asLong()).as(at).isEqualTo(e.deducted);
        assertThat(d.path("pointsRedeemed").asLong()).as(at).isEqualTo(e.redeemed);
        assertThat(d.path("redemptions").asLong()).as(at).isEqualTo(e.redemptions);
        assertThat(d.path("pointsAdjusted").asLong()).as(at).isEqualTo(e.adjusted);
        assertThat(d.path("pointsOutstanding").asLong()).as(at).isEqualTo(e.outstanding);
        assertThat(d.path("participationRate").asDouble()).as(at).isEqualTo(
            VillageFigures.rate(e.participants.size(), e.households));
        Map<String, Long> byCategory = new HashMap<>();
        d.path("byCategory").forEach(c -> byCategory.put(c.path("category").asText(),
            c.path("pointsIssued").asLong() - c.path("pointsDeducted").asLong()));
        byCategory.values().removeIf(v -> v == 0);
        assertThat(byCategory).as(at).isEqualTo(e.netByCategory);
        long groupParticipants = 0;
        for (JsonNode g : d.path("byGroup")) {
          groupParticipants += g.path("participants").asLong();
        }
        assertThat(groupParticipants).as(at).isEqualTo(e.participants.size());
        long groupPoints = 0;
        for (JsonNode g : d.path("byGroup")) {
          groupPoints += g.path("pointsEarned").asLong();
        }
        assertThat(groupPoints).as(at).isEqualTo(e.issued);
        // Top households: the ten with most award points, each with its own figure.
        List<Long> best = e.awardPoints.values().stream().filter(v -> v > 0)
            .sorted(Comparator.reverseOrder()).limit(10).toList();
        List<Long> shown = new ArrayList<>();
        for (JsonNode h : d.path("topHouseholds")) {
          assertThat(h.path("points").asLong()).as(at)
              .isEqualTo(e.awardPoints.get(h.path("householdId").asLong()));
          shown.add(h.path("points").asLong());
        }
        assertThat(shown).as(at).isEqualTo(best);
        // Top products: units per product from the period's redemptions that stand.
        Map<Long, Long> units = new HashMap<>();
        sql.list("""
            select i.product_id, sum(i.quantity) from redemptions r
            join redemption_items i on i.redemption_id = r.id
            where r.village_id = ? and r.refunded_at is null
              and r.created_at >= ?::date at time zone 'Asia/Shanghai'
              and r.created_at < (?::date + 1) at time zone 'Asia/Shanghai'
            group by 1""", rs -> units.put(rs.getLong(1), rs.getLong(2)), village,
            p[0].atDay(1), p[1].atEndOfMonth());
        JsonNode topProducts = d.path("shop").path("topProducts");
        assertThat(topProducts.size()).as(at).isEqualTo(Math.min(10, units.size()));
        for (JsonNode product : topProducts) {
          assertThat(product.path("quantity").asLong()).as(at)
              .isEqualTo(units.get(product.path("productId").asLong()));
          productsCompared++;
        }
      }
    }
    assertThat(productsCompared).as("top products compared").isPositive();
    // The period that includes today ends with every household's current balance.
    for (String slug : VILLAGES) {
      long village = f.village(slug);
      long balances = sql.number("select coalesce(sum(balance), 0) from ledger_accounts"
          + " where village_id = ? and kind = 'HOUSEHOLD'", village);
      assertThat(dashboard("/api/villages/" + village + "/dashboard",
          new YearMonth[] {YearMonth.now(Sql.ZONE), YearMonth.now(Sql.ZONE)})
          .path("pointsOutstanding").asLong()).isEqualTo(balances);
    }
  }

  @Test
  void townAndDistrictShowTheSameFiguresPerVillageAndAddThemUp() {
    YearMonth now = YearMonth.now(Sql.ZONE);
    YearMonth[] year = {YearMonth.of(now.getYear(), 1), YearMonth.of(now.getYear(), 12)};
    long districtId = sql.number("select id from districts where name = '江源区'");
    JsonNode area = dashboard("/api/districts/" + districtId + "/dashboard", year);
    assertThat(area.path("villages")).hasSize(9);
    long issued = 0;
    for (JsonNode v : area.path("villages")) {
      Expected e = expected(v.path("villageId").asLong(), year[0], year[1]);
      assertThat(v.path("pointsIssued").asLong()).isEqualTo(e.issued);
      assertThat(v.path("participants").asLong()).isEqualTo(e.participants.size());
      issued += e.issued;
    }
    assertThat(area.path("totals").path("pointsIssued").asLong()).isEqualTo(issued);
    long monthly = 0;
    for (JsonNode m : area.path("monthly")) {
      monthly += m.path("pointsIssued").asLong();
    }
    assertThat(area.path("monthly")).hasSize(12);
    assertThat(monthly).isEqualTo(issued);
    long town = sql.number("select town_id from villages where slug = 'lixin'");
    JsonNode townDashboard = dashboard("/api/towns/" + town + "/dashboard", year);
    assertThat(townDashboard.path("villages")).hasSize(2);
    assertThat(townDashboard.path("name").asText()).isEqualTo("正岔街道");
  }

  @Test
  void badPeriodsAndOtherScopesAreRefused() {
    Fixture f = new Fixture(sql);
    long lixin = f.village("lixin");
    Res bad = api().get("/api/villages/" + lixin + "/dashboard?from=2026-13", district);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.code()).isEqualTo("BAD_PERIOD");
    Res backwards = api().get("/api/villages/" + lixin + "/dashboard?from=2026-06&to=2026-05",
        district);
    assertThat(backwards.code()).isEqualTo("BAD_PERIOD");
    String ailin = api().login("ailin-committee", "demo123");
    assertThat(api().get("/api/villages/" + lixin + "/dashboard", ailin).status()).isEqualTo(403);
    String zhengcha = api().login("zhengcha", "demo123");
    long otherTown = sql.number("select town_id from villages where slug = 'ailin'");
    assertThat(api().get("/api/towns/" + otherTown + "/dashboard", zhengcha).status())
        .isEqualTo(403);
    assertThat(api().get("/api/towns/999999/dashboard", district).status()).isEqualTo(404);
  }

  private JsonNode dashboard(String path, YearMonth[] period) {
    Res res = api().get(path + "?from=" + period[0] + "&to=" + period[1], district);
    assertThat(res.status()).as(res.body()).isEqualTo(200);
    return res.json();
  }

  /** The figures recomputed from raw rows, by the rules the README states. */
  private static final class Expected {
    long households;
    long issued;
    long deducted;
    long redeemed;
    long redemptions;
    long adjusted;
    long outstanding;
    final Set<Long> participants = new HashSet<>();
    final Map<String, Long> netByCategory = new HashMap<>();
    /** Award points per household in the period (reversals subtracted). */
    final Map<Long, Long> awardPoints = new HashMap<>();
  }

  private Expected expected(long village, YearMonth first, YearMonth last) {
    Expected e = new Expected();
    e.households = sql.number("select count(*) from households where village_id = ?"
        + " and status = 'ACTIVE'", village);
    Map<String, Long> awardsPerHouseholdMonth = new HashMap<>();
    sql.list("""
        select t.amount, t.reverses_transfer_id is not null reversal,
          coalesce(o.kind, t.kind) kind, coalesce(o.occurred_at, t.occurred_at) occurred,
          coalesce(o.source_type, t.source_type) source_type,
          coalesce(o.source_id, t.source_id) source_id,
          fa.household_id from_household, ta.household_id to_household
        from ledger_transfers t
        left join ledger_transfers o on o.id = t.reverses_transfer_id
        join ledger_accounts fa on fa.id = t.from_account_id
        join ledger_accounts ta on ta.id = t.to_account_id
        where t.village_id = ?""", rs -> {
          long amount = rs.getLong("amount") * (rs.getBoolean("reversal") ? -1 : 1);
          String kind = rs.getString("kind");
          YearMonth month = YearMonth.from(Sql.time(rs, "occurred").atZoneSameInstant(Sql.ZONE));
          Long fromHousehold = Sql.nullableLong(rs, "from_household");
          Long toHousehold = Sql.nullableLong(rs, "to_household");
          long abs = rs.getLong("amount");
          if (!month.isAfter(last)) {
            e.outstanding += (toHousehold != null ? abs : 0) - (fromHousehold != null ? abs : 0);
          }
          if (month.isBefore(first) || month.isAfter(last)) {
            return null;
          }
          String category = "RULE_VERSION".equals(rs.getString("source_type"))
              ? sql.one("select category from rule_versions where id = ?",
                  r -> r.getString(1), Long.parseLong(rs.getString("source_id"))).orElseThrow()
              : "";
          if (kind.equals("AWARD")) {
            e.issued += amount;
            e.netByCategory.merge(category, amount, Long::sum);
            long household = rs.getBoolean("reversal") ? fromHousehold : toHousehold;
            e.awardPoints.merge(household, amount, Long::sum);
            awardsPerHouseholdMonth.merge(household + "@" + month,
                rs.getBoolean("reversal") ? -1L : 1L, Long::sum);
          } else if (kind.equals("DEDUCTION")) {
            e.deducted += amount;
            e.netByCategory.merge(category, -amount, Long::sum);
          } else if (kind.equals("REDEMPTION")) {
            e.redeemed += amount;
            e.redemptions += rs.getBoolean("reversal") ? -1 : 1;
          } else if (kind.equals("ADJUSTMENT") || kind.equals("OPENING")) {
            e.adjusted += (toHousehold != null ? abs : 0) - (fromHousehold != null ? abs : 0);
          }
          return null;
        }, village);
    awardsPerHouseholdMonth.forEach((key, count) -> {
      if (count > 0) {
        e.participants.add(Long.parseLong(key.substring(0, key.indexOf('@'))));
      }
    });
    e.netByCategory.values().removeIf(v -> v == 0);
    return e;
  }
}
