package org.villagepoints.demo;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.Role;
import org.villagepoints.award.AwardBatches;
import org.villagepoints.award.AwardPolicies;
import org.villagepoints.award.BatchForm;
import org.villagepoints.award.PolicyForm;
import org.villagepoints.common.Sql;
import org.villagepoints.rating.RateForm;
import org.villagepoints.rating.RatingRounds;
import org.villagepoints.rating.RoundForm;
import org.villagepoints.rules.RuleCatalog;
import org.villagepoints.rules.RuleResponse;
import org.villagepoints.shop.DonationForm;
import org.villagepoints.shop.ProductForm;
import org.villagepoints.shop.RedeemRequest;
import org.villagepoints.shop.RedemptionService;
import org.villagepoints.shop.ShopCatalog;
import org.villagepoints.shop.StockBook;

/**
 * Six months of a village's life, written through the product's own services so every
 * dashboard has something true to show on first start: a monthly meeting with awards and a
 * few deductions, quarterly clean-home rating rounds, goods donated and bought, villagers
 * redeeming points, and the town's inspections ({@link DemoInspections}). Dates are spread
 * over the months before this one (points are recorded today but dated when the deed or sale
 * happened). The newest meeting stays in public notice.
 */
@Singleton
class DemoHistory {

  static final int MONTHS = 6;

  private record Good(String name, String unit, String category, long price) {}

  private static final List<Good> GOODS = List.of(
      new Good("洗衣粉", "袋", "日用品", 30), new Good("食用油", "桶", "粮油", 80),
      new Good("大米（5 公斤）", "袋", "粮油", 100), new Good("毛巾", "条", "日用品", 15),
      new Good("牙膏", "支", "日用品", 20), new Good("酱油", "瓶", "调味品", 25),
      new Good("洗洁精", "瓶", "日用品", 20), new Good("垃圾袋", "卷", "日用品", 10));

  private static final List<String[]> DONORS = List.of(
      new String[] {"示例农商银行", "ENTERPRISE"}, new String[] {"区示例局（结对帮扶）", "PAIRED_UNIT"},
      new String[] {"王示例（乡贤）", "PERSON"});

  private final Sql sql;
  private final RuleCatalog rules;
  private final AwardBatches batches;
  private final AwardPolicies policies;
  private final RatingRounds ratings;
  private final ShopCatalog catalog;
  private final StockBook stock;
  private final RedemptionService redemptions;
  private final DemoInspections inspections;

  DemoHistory(Sql sql, RuleCatalog rules, AwardBatches batches, AwardPolicies policies,
      RatingRounds ratings, ShopCatalog catalog, StockBook stock,
      RedemptionService redemptions, DemoInspections inspections) {
    this.sql = sql;
    this.rules = rules;
    this.batches = batches;
    this.policies = policies;
    this.ratings = ratings;
    this.catalog = catalog;
    this.stock = stock;
    this.redemptions = redemptions;
    this.inspections = inspections;
  }

  /** Writes the history unless the village already has meetings (loading twice adds nothing). */
  void write(long village, String slug, Random random) {
    if (sql.number("select count(*) from award_batches where village_id = ?", village) > 0) {
      return;
    }
    Caller committee = staff(slug + "-committee", Role.VILLAGE_COMMITTEE, village);
    Caller attendant = staff(slug + "-shop", Role.SHOP_ATTENDANT, village);
    List<Long> households = sql.list("select id from households where village_id = ?"
        + " and status = 'ACTIVE' order by id", rs -> rs.getLong(1), village);
    List<RuleResponse> catalogue = rules.forVillage(village).stream()
        .filter(RuleResponse::active).toList();
    List<RuleResponse> good = catalogue.stream().filter(r -> r.points() > 0).toList();
    List<RuleResponse> bad = catalogue.stream().filter(r -> r.points() < 0).toList();
    List<Long> products = openShop(committee, village);
    policies.set(committee, village, new PolicyForm(0, null));
    YearMonth first = YearMonth.now(Sql.ZONE).minusMonths(MONTHS);
    for (int m = 0; m < MONTHS; m++) {
      YearMonth month = first.plusMonths(m);
      if (m == MONTHS - 1) {
        policies.set(committee, village, new PolicyForm(3, null));
      }
      meeting(committee, village, month, households, good, bad, random);
      if (month.getMonthValue() % 3 == 0) {
        ratingRound(committee, village, month, households, random);
      }
      restock(committee, village, month, products, random);
      shopping(attendant, month, households, products, random);
    }
    inspections.write(village, committee, random);
  }

  private void meeting(Caller committee, long village, YearMonth month, List<Long> households,
      List<RuleResponse> good, List<RuleResponse> bad, Random random) {
    List<BatchForm.Item> items = new ArrayList<>();
    for (long household : households) {
      if (random.nextInt(100) < 55 + random.nextInt(30)) {
        items.add(item(household, good.get(random.nextInt(good.size())), month, random));
      }
    }
    for (int i = 0; i < 2 && !bad.isEmpty(); i++) {
      items.add(item(households.get(random.nextInt(households.size())),
          bad.get(random.nextInt(bad.size())), month, random));
    }
    long batch = batches.create(committee, village, new BatchForm(
        month.getMonthValue() + "月村民代表会议评议", month.atDay(25), "村两委、村民代表", items));
    batches.approve(committee, batch); // a deduction beyond a balance is cut, never refused
  }

  private static BatchForm.Item item(long household, RuleResponse rule, YearMonth month,
      Random random) {
    LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
    return new BatchForm.Item(household, rule.id(), null,
        rule.evidenceRequired() || rule.points() < 0 ? "村干部现场查看并拍照" : null,
        day.atTime(9 + random.nextInt(8), 0).atZone(Sql.ZONE).toOffsetDateTime(), null);
  }

  private void ratingRound(Caller committee, long village, YearMonth month,
      List<Long> households, Random random) {
    long round = ratings.open(committee, village, new RoundForm(
        month.getYear() + "年第" + (month.getMonthValue() / 3) + "季度干净人家评比",
        month.minusMonths(2).atDay(1), month.atEndOfMonth()));
    for (long household : households) {
      int base = 62 + random.nextInt(36);
      ratings.rate(committee, round, household, new RateForm(Map.of(
          "yard", score(base, random), "indoors", score(base, random),
          "kitchen", score(base, random), "toilet", score(base, random),
          "around", score(base, random), "conduct", score(base, random)), null,
          base < 70 ? month.plusMonths(1).atDay(15) : null));
    }
    long batch = ratings.close(committee, round);
    batches.approve(committee, batch);
  }

  private static int score(int base, Random random) {
    return Math.max(0, Math.min(100, base + random.nextInt(9) - 4));
  }

  private List<Long> openShop(Caller committee, long village) {
    List<Long> ids = new ArrayList<>();
    for (Good g : GOODS) {
      ids.add(catalog.create(committee, village,
          new ProductForm(g.name(), g.unit(), g.category(), g.price(), true, 5)).id());
    }
    return ids;
  }

  private void restock(Caller committee, long village, YearMonth month, List<Long> products,
      Random random) {
    String[] donor = DONORS.get(random.nextInt(DONORS.size()));
    boolean purchase = month.getMonthValue() % 2 == 0;
    List<DonationForm.Line> lines = new ArrayList<>();
    for (long product : products) {
      lines.add(new DonationForm.Line(product, 6L + random.nextInt(10)));
    }
    stock.donation(committee, village, new DonationForm(purchase ? "PURCHASE" : "DONATION",
        purchase ? "村集体经济" : donor[0], purchase ? "VILLAGE_FUNDS" : donor[1], month.atDay(3),
        BigDecimal.valueOf(800 + random.nextInt(1200)), purchase ? "村集体收益采购" : "爱心捐赠",
        lines));
  }

  private void shopping(Caller attendant, YearMonth month, List<Long> households,
      List<Long> products, Random random) {
    for (long household : households) {
      if (random.nextInt(100) >= 35) {
        continue;
      }
      long product = products.get(random.nextInt(products.size()));
      // Checked first: a refusal inside the loading transaction would roll all of it back.
      boolean affordable = sql.number("""
          select count(*) from products p, ledger_accounts a
          where p.id = ? and p.stock > 0 and a.household_id = ? and a.balance >= p.price_points""",
          product, household) > 0;
      if (affordable) {
        LocalDate day = month.atDay(5 + random.nextInt(month.lengthOfMonth() - 5));
        redemptions.recordPast(attendant, household, List.of(new RedeemRequest.Line(product, 1L)),
            day.atTime(15, 30).atZone(Sql.ZONE).toInstant());
      }
    }
  }

  private Caller staff(String username, Role role, long village) {
    long id = sql.number("select id from users where username = ?", username);
    return new Caller(id, username, role, null, null, village, null, null);
  }
}
