package org.villagepoints.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Bytes;

/** How the files look: frozen header, widths, typed cells, BOM, file names, no temp files. */
@MicronautTest(transactional = false)
class ExportFormatTest extends ApiTest {

  @Inject Sql sql;
  private ExportSeed seed;

  @BeforeAll
  void postSomeEntries() {
    seed = new ExportSeed(api(), new Fixture(sql), "lixin");
    seed.adjust("H001", 12, "=1+1 想当公式的事由");
    seed.adjust("H001", -2, "更正");
  }

  private Bytes ledger(String format) {
    Bytes file = api().bytes("/api/villages/" + seed.village + "/exports/ledger." + format
        + "?month=" + seed.month, seed.committee);
    assertThat(file.status()).as(file.text()).isEqualTo(200);
    return file;
  }

  @Test
  void theWorkbookHasAFrozenHeaderSetWidthsAndTypedCells() throws Exception {
    try (XSSFWorkbook book = Spreadsheets.workbook(ledger("xlsx").body())) {
      XSSFSheet sheet = book.getSheetAt(0);
      assertThat(book.getSheetName(0)).isEqualTo("积分流水台账 " + seed.month);
      PaneInformation pane = sheet.getPaneInformation();
      assertThat(pane.isFreezePane()).isTrue();
      assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 2);
      assertThat(sheet.getColumnWidth(5)).isEqualTo(40 * 256);
      assertThat(sheet.getColumnWidth(1)).isEqualTo(10 * 256);
      assertThat(sheet.getRow(1).getCell(0).getCellStyle().getFont().getBold()).isTrue();
      Row first = sheet.getRow(2);
      Cell date = first.getCell(0);
      assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
      assertThat(DateUtil.isCellDateFormatted(first.getCell(8))).isTrue();
      assertThat(first.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(12.0);
      assertThat(first.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("+0;-0;0");
      assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.STRING);
      assertThat(first.getCell(5).getStringCellValue()).isEqualTo("=1+1 想当公式的事由");
      assertThat(sheet.getRow(3).getCell(6).getNumericCellValue()).isEqualTo(-2.0);
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
    }
  }

  @Test
  void theCsvStartsWithABomAndDefusesFormulas() {
    Bytes file = ledger("csv");
    assertThat(Arrays.copyOf(file.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(file.header("Content-Type")).startsWith("text/csv");
    String text = file.text();
    assertThat(text).contains("\r\n").contains(",'=1+1 想当公式的事由,12,12,").contains(",-2,10,");
    assertThat(Spreadsheets.csv(file.body()).rows()).hasSize(2);
  }

  @Test
  void theFileIsNamedInChineseWithAPlainFallbackAndAnnouncesItsRows() {
    Bytes file = ledger("xlsx");
    String disposition = file.header("Content-Disposition");
    assertThat(disposition).startsWith("attachment; filename=\"village-" + seed.village
        + "-ledger-" + seed.month + ".xlsx\"; filename*=UTF-8''");
    String encoded = disposition.substring(disposition.indexOf("UTF-8''") + 7);
    assertThat(encoded).matches("[A-Za-z0-9%.\\-_]+");
    assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
        .isEqualTo("立新村-积分流水台账-" + seed.month + ".xlsx");
    assertThat(file.header("Content-Type"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(file.header("X-Export-Rows")).isEqualTo("2");
    assertThat(file.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void streamedWorkbooksLeaveNoTemporaryFilesBehind() {
    File dir = new File(System.getProperty("java.io.tmpdir"), "poifiles");
    int before = sxssfFiles(dir);
    for (int i = 0; i < 3; i++) {
      ledger("xlsx");
    }
    assertThat(sxssfFiles(dir)).isEqualTo(before);
  }

  private static int sxssfFiles(File dir) {
    String[] names = dir.list((d, name) -> name.startsWith("poi-sxssf"));
    return names == null ? 0 : names.length;
  }
}
