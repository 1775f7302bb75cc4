package org.villagepoints.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.export.Spreadsheets.Table;
import org.villagepoints.shop.QrTokens;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Bytes;

/**
 * Every book of a village, read back from the .xlsx (POI) and the CSV (commons-csv), equals
 * its source rows in the database, worked out independently ({@link ExpectedBooks}).
 */
@MicronautTest(transactional = false)
class ExportBooksTest extends ApiTest {

  @Inject Sql sql;
  @Inject QrTokens qr;
  private ExportSeed seed;
  private ExpectedBooks expected;

  @BeforeAll
  void makeAMonthOfActivity() {
    seed = new ExportSeed(api(), new Fixture(sql), "lixin").all(qr);
    expected = new ExpectedBooks(sql, seed.village, seed.month);
  }

  private Table read(String book, String format) {
    Bytes file = api().bytes("/api/villages/" + seed.village + "/exports/" + book + "."
        + format + "?month=" + seed.month, seed.committee);
    assertThat(file.status()).as(file.text()).isEqualTo(200);
    return format.equals("xlsx") ? Spreadsheets.xlsx(file.body()) : Spreadsheets.csv(file.body());
  }

  /** Both formats: the Chinese header, the title (xlsx), and exactly the expected rows. */
  private List<List<String>> assertBook(String book, String title, List<String> header,
      List<List<String>> rows) {
    Table xlsx = read(book, "xlsx");
    Table csv = read(book, "csv");
    assertThat(xlsx.title()).isEqualTo("立新村 · " + title + " · " + seed.month.getYear() + "年"
        + seed.month.getMonthValue() + "月");
    assertThat(xlsx.header()).containsExactlyElementsOf(header);
    assertThat(csv.header()).containsExactlyElementsOf(header);
    assertThat(xlsx.rows()).containsExactlyElementsOf(rows);
    assertThat(csv.rows()).containsExactlyElementsOf(rows);
    return rows;
  }

  @Test
  void theLedgerBookListsTheHouseholdEntriesOfDeedsInTheMonth() {
    List<List<String>> rows = assertBook("ledger", "积分流水台账", List.of("日期", "户编号",
        "户主姓名", "组", "类型", "事由", "积分", "变动后余额", "记账时间", "经办人", "流水号"),
        expected.ledger());
    // three adjustments, an award, two redemptions, a refund and a reversal
    assertThat(rows).extracting(r -> r.get(4)).containsExactlyInAnyOrder("调整", "调整", "调整",
        "奖励", "冲正", "兑换", "兑换", "兑换退还");
    assertThat(rows).anySatisfy(r -> assertThat(r.subList(1, 8)).containsExactly("H002",
        r.get(2), r.get(3), "调整", "更正多记的分", "-5", "35"));
    assertThat(rows).anySatisfy(r -> assertThat(List.of(r.get(1), r.get(5), r.get(6)))
        .containsExactly("H003", "评议有误", "-15"));
  }

  @Test
  void aDeedOfLastMonthApprovedNowIsInLastMonthsBook() {
    ExpectedBooks last = new ExpectedBooks(sql, seed.village, seed.month.minusMonths(1));
    String url = "/api/villages/" + seed.village + "/exports/ledger.csv?month="
        + seed.month.minusMonths(1);
    Table csv = Spreadsheets.csv(api().bytes(url, seed.committee).body());
    assertThat(csv.rows()).containsExactlyElementsOf(last.ledger());
    assertThat(csv.rows()).hasSize(1);
    List<String> award = csv.rows().get(0);
    assertThat(List.of(award.get(0), award.get(1), award.get(4), award.get(6))).containsExactly(
        seed.month.minusMonths(1).atDay(15).toString(), "H003", "奖励", "15");
    assertThat(award.get(8)).startsWith(seed.month.toString());
    String older = "/api/villages/" + seed.village + "/exports/ledger.xlsx?month="
        + seed.month.minusMonths(2);
    Table empty = Spreadsheets.xlsx(api().bytes(older, seed.committee).body());
    assertThat(empty.header()).contains("户编号", "积分");
    assertThat(empty.rows()).isEmpty();
  }

  @Test
  void theAwardBookListsEachBatchOfTheMonthWithItsNoticeAndItems() {
    List<List<String>> rows = assertBook("award-batches", "评议公示台账", List.of("批次号", "批次",
        "会议日期", "公示开始", "公示结束", "批次状态", "户编号", "户主姓名", "组", "类别", "细则",
        "积分", "条目状态", "入账积分", "核减说明", "备注"), expected.awardBatches());
    assertThat(rows).hasSize(4);
    assertThat(rows).extracting(r -> r.get(5)).containsExactly("已入账", "已入账", "公示中", "草稿");
    assertThat(rows.get(2).get(3)).isNotEmpty();
    assertThat(rows.get(2).get(4)).isNotEmpty();
    assertThat(rows.get(0).subList(10, 14))
        .containsExactly(ExportSeed.AWARD_RULE, "15", "已入账", "15");
  }

  @Test
  void theRedemptionBookListsGoodsAndRefunds() {
    List<List<String>> rows = assertBook("redemptions", "积分兑换台账", List.of("兑换单号",
        "兑换时间", "户编号", "户主姓名", "组", "方式", "兑换商品", "件数", "积分", "经办人",
        "退还时间", "退还原因"), expected.redemptions());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).subList(5, 9)).containsExactly("手机兑换码", "香皂×2、大米×1", "3", "30");
    assertThat(rows.get(0).get(11)).isEmpty();
    assertThat(rows.get(1).get(11)).isEqualTo("拿错了商品");
  }

  @Test
  void theStockBookListsMovementsWithDonorsAndEachDonationsValueOnce() {
    List<String> header = List.of("日期", "商品", "单位", "类型", "数量", "结存", "原因", "登记单号",
        "来源", "捐赠方/供货方", "捐赠方类型", "价值（元）", "兑换单号", "经办人", "登记时间");
    List<List<String>> rows = assertBook("stock", "库存与捐赠台账", header, expected.stock());
    assertThat(rows).extracting(r -> r.get(3)).containsExactly("捐赠入库", "捐赠入库", "兑换出库",
        "兑换出库", "兑换出库", "退还入库", "盘点");
    assertThat(rows).extracting(r -> r.get(11)).containsExactly("350.5", "", "", "", "", "", "");
    assertThat(rows.get(6).subList(4, 7)).containsExactly("-2", "6", "月末盘点");
    // the purchase dated last month is in last month's book
    Table last = Spreadsheets.csv(api().bytes("/api/villages/" + seed.village
        + "/exports/stock.csv?month=" + seed.month.minusMonths(1), seed.committee).body());
    assertThat(last.rows()).containsExactlyElementsOf(
        new ExpectedBooks(sql, seed.village, seed.month.minusMonths(1)).stock());
    assertThat(last.rows()).singleElement().satisfies(r -> assertThat(List.of(r.get(0), r.get(3),
        r.get(8), r.get(9), r.get(11))).containsExactly(seed.month.minusMonths(1).atDay(20)
        .toString(), "采购入库", "采购", "村集体经济", "80"));
  }

  @Test
  void theRatingBookHasAColumnPerAreaOfTheScoreSheet() {
    List<List<String>> rows = assertBook("ratings", "干净人家评比台账", List.of("轮次", "评比开始",
        "评比结束", "轮次状态", "户编号", "户主姓名", "组", "庭院（25%）", "室内（20%）", "厨房（15%）",
        "卫生厕所（15%）", "房前屋后（15%）", "家风家教（10%）", "总分", "星级", "需整改", "复查日期",
        "备注", "评分人", "评分时间"), expected.ratings());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).subList(13, 16)).containsExactly("95", "3", "否");
    assertThat(rows.get(1).subList(13, 17)).containsExactly("50", "0", "是",
        seed.month.atEndOfMonth().toString());
  }

  @Test
  void theRosterListsHouseholdsWithMembersAndBalances() {
    List<List<String>> rows = assertBook("households", "农户花名册", List.of("户编号", "户主姓名",
        "组", "门牌地址", "联系电话", "家庭成员", "人数", "低保户", "状态", "登记日期", "归档日期",
        "月末积分"), expected.households());
    assertThat(rows).anySatisfy(r -> assertThat(List.of(r.get(0), r.get(4), r.get(5), r.get(6),
        r.get(7))).containsExactly("X900", "13800009000", "测试新户(户主)、测试配偶(配偶)", "2",
        "是"));
  }
}
