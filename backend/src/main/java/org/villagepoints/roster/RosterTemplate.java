package org.villagepoints.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The downloadable roster templates: the documented columns and one example row. */
final class RosterTemplate {

  private RosterTemplate() {}

  /** UTF-8 with a BOM, so Excel on Windows opens the Chinese headers correctly. */
  static byte[] csv() {
    String text = "\uFEFF" + String.join(",", RosterColumns.ALL) + "\r\n"
        + String.join(",", RosterColumns.EXAMPLE) + "\r\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] xlsx() {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out =
        new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("花名册");
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      Row example = sheet.createRow(1);
      for (int c = 0; c < RosterColumns.ALL.size(); c++) {
        header.createCell(c).setCellValue(RosterColumns.ALL.get(c));
        header.getCell(c).setCellStyle(bold);
        example.createCell(c).setCellValue(RosterColumns.EXAMPLE.get(c));
        sheet.setColumnWidth(c, c == 5 ? 40 * 256 : 16 * 256);
      }
      sheet.createFreezePane(0, 1);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
