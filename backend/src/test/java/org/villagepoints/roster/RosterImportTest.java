package org.villagepoints.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

@MicronautTest(transactional = false)
class RosterImportTest extends ApiTest {

  @Inject Sql sql;

  private static byte[] xlsx(int rows) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out =
        new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("花名册");
      Row header = sheet.createRow(0);
      for (int c = 0; c < RosterColumns.ALL.size(); c++) {
        header.createCell(c).setCellValue(RosterColumns.ALL.get(c));
      }
      for (int r = 1; r <= rows; r++) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue("R%04d".formatted(r));
        row.createCell(1).setCellValue("导入户主" + r);
        row.createCell(2).setCellValue("导入" + (1 + r % 10) + "组");
        row.createCell(3).setCellValue("示例路 " + r + " 号");
        row.createCell(4).setCellValue("1390000" + String.format("%04d", r));
        row.createCell(5).setCellValue("导入户主" + r + "(户主)、配偶" + r + "（配偶）");
        row.createCell(6).setCellValue(r % 7 == 0 ? "是" : "否");
        row.createCell(7).setCellValue(r % 5);
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void aThousandRowWorkbookIsCheckedThenImportedOnceWithOpeningBalances() throws Exception {
    Fixture f = new Fixture(sql);
    long village = f.village("xinglin");
    String committee = api().login("xinglin-committee", "demo123");
    byte[] file = xlsx(1000);
    long before = sql.number("select count(*) from households where village_id = ?", village);

    Res dry = api().upload("/api/villages/" + village + "/imports/households?dryRun=true",
        "花名册.xlsx", file, committee);
    assertThat(dry.status()).as(dry.body()).isEqualTo(200);
    assertThat(dry.json().path("rows").asInt()).isEqualTo(1000);
    assertThat(dry.json().path("created").asInt()).isEqualTo(1000);
    assertThat(dry.json().path("committed").asBoolean()).isFalse();
    assertThat(sql.number("select count(*) from households where village_id = ?", village))
        .isEqualTo(before);

    Res real = api().upload("/api/villages/" + village + "/imports/households", "花名册.xlsx",
        file, committee);
    assertThat(real.json().path("committed").asBoolean()).isTrue();
    assertThat(sql.number("select count(*) from households where village_id = ?", village))
        .isEqualTo(before + 1000);
    long expectedOpening = 0;
    for (int r = 1; r <= 1000; r++) {
      expectedOpening += r % 5;
    }
    assertThat(real.json().path("openingPoints").asLong()).isEqualTo(expectedOpening);
    assertThat(sql.number("select coalesce(sum(a.balance), 0) from ledger_accounts a"
        + " where a.village_id = ? and a.kind = 'HOUSEHOLD'", village)).isEqualTo(expectedOpening);
    assertThat(f.balance(f.household("xinglin", "R0004"))).isEqualTo(4);
    assertThat(sql.number("select count(*) from household_members m join households h"
        + " on h.id = m.household_id where h.code = 'R0001' and h.village_id = ?", village))
        .isEqualTo(2);

    Res again = api().upload("/api/villages/" + village + "/imports/households", "花名册.xlsx",
        file, committee);
    assertThat(again.json().path("created").asInt()).isZero();
    assertThat(again.json().path("updated").asInt()).isZero();
    assertThat(again.json().path("unchanged").asInt()).isEqualTo(1000);
    assertThat(sql.number("select count(*) from ledger_transfers where village_id = ?"
        + " and kind = 'OPENING'", village)).isEqualTo(800);
  }

  @Test
  void aGbkCsvWithBadRowsReportsEachByRowAndColumnAndWritesNothing() {
    Fixture f = new Fixture(sql);
    long village = f.village("taoyuan");
    String committee = api().login("taoyuan-committee", "demo123");
    String csv = String.join("\r\n",
        "户编号,户主姓名,组,门牌地址,联系电话,家庭成员,低保户,期初积分",
        "G001,赵示例,第1组,桃园路1号,13800001111,赵示例(户主)、钱示例(配偶),否,",
        "G 02,孙示例,第1组,,,,,",
        "G003,,第2组,,,,,",
        "G004,周示例,第2组,,电话号码,周示例[儿子],也许,五十",
        "G001,吴示例,第3组,,,,,") + "\r\n";
    long before = sql.number("select count(*) from households where village_id = ?", village);
    Res res = api().upload("/api/villages/" + village + "/imports/households", "roster.csv",
        csv.getBytes(Charset.forName("GBK")), committee);
    assertThat(res.status()).isEqualTo(200);
    JsonNode errors = res.json().path("errors");
    assertThat(res.json().path("committed").asBoolean()).isFalse();
    assertThat(errors.toString()).contains("户编号").contains("户主姓名");
    assertThat(error(errors, 3, "户编号")).contains("只能用字母");
    assertThat(error(errors, 4, "户主姓名")).contains("不能为空");
    assertThat(error(errors, 5, "联系电话")).contains("格式不对");
    assertThat(error(errors, 5, "家庭成员")).contains("周示例[儿子]");
    assertThat(error(errors, 5, "低保户")).contains("是");
    assertThat(error(errors, 5, "期初积分")).contains("整数");
    assertThat(error(errors, 6, "户编号")).contains("重复");
    assertThat(sql.number("select count(*) from households where village_id = ?", village))
        .isEqualTo(before);

    String fixed = csv.lines().filter(l -> !l.contains("G 02") && !l.contains("G003")
        && !l.contains("G004") && !l.contains("吴示例")).reduce((a, b) -> a + "\r\n" + b)
        .orElseThrow();
    Res ok = api().upload("/api/villages/" + village + "/imports/households", "roster.csv",
        fixed.getBytes(Charset.forName("GBK")), committee);
    assertThat(ok.json().path("committed").asBoolean()).isTrue();
    assertThat(api().get("/api/households/" + f.household("taoyuan", "G001"), committee).json()
        .path("headName").asText()).isEqualTo("赵示例");
  }

  @Test
  void openingBalancesAreRefusedOnceTheVillageHasOtherEntries() {
    Fixture f = new Fixture(sql);
    long village = f.village("liuan");
    String committee = api().login("liuan-committee", "demo123");
    api().post("/api/households/" + f.household("liuan", "H001") + "/adjustments",
        Map.of("points", 3, "reason", "已开始记账"), committee);
    String csv = "户编号,户主姓名,组,期初积分\nL001,郑示例,第1组,50\n";
    Res res = api().upload("/api/villages/" + village + "/imports/households", "r.csv",
        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), committee);
    assertThat(error(res.json().path("errors"), 2, "期初积分")).contains("已有积分流水");
    assertThat(sql.number("select count(*) from households where village_id = ? and code = 'L001'",
        village)).isZero();
  }

  @Test
  void templatesDownloadAndOnlyTheCommitteeImports() {
    String committee = api().login("lixin-committee", "demo123");
    Res csv = api().download("/api/imports/households/template.csv", committee);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).contains("户编号,户主姓名,组");
    String shop = api().login("lixin-shop", "demo123");
    Fixture f = new Fixture(sql);
    assertThat(api().upload("/api/villages/" + f.village("lixin") + "/imports/households",
        "r.csv", "户编号,户主姓名,组\n".getBytes(), shop).status()).isEqualTo(403);
    assertThat(api().upload("/api/villages/" + f.village("ailin") + "/imports/households",
        "r.csv", "户编号,户主姓名,组\n".getBytes(), committee).status()).isEqualTo(403);
    assertThat(api().upload("/api/villages/" + f.village("lixin") + "/imports/households",
        "r.xls", new byte[] {1, 2, 3}, committee).code()).isEqualTo("UNSUPPORTED_FILE");
  }

  private static String error(JsonNode errors, int row, String column) {
    for (JsonNode e : errors) {
      if (e.path("row").asInt() == row && e.path("column").asText().equals(column)) {
        return e.path("message").asText();
      }
    }
    throw new AssertionError("no error at row " + row + " column " + column + " in " + errors);
  }

}
