package org.villagepoints.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.villagepoints.common.ApiException;

/**
 * Reads a roster as rows of cell texts: .xlsx (first sheet, cells as Excel shows them) or CSV
 * in UTF-8 (with or without BOM) or GBK/GB18030, which Chinese Excel often saves.
 */
final class RosterFile {

  static final int MAX_ROWS = 10_000;

  private RosterFile() {}

  static List<List<String>> read(String filename, byte[] bytes) {
    boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K';
    String name = filename == null ? "" : filename.toLowerCase();
    if (zip || name.endsWith(".xlsx")) {
      return xlsx(bytes);
    }
    if (name.endsWith(".xls")) {
      throw ApiException.unprocessable("UNSUPPORTED_FILE",
          "不支持旧版 .xls 文件：请在 Excel 里“另存为” .xlsx 或 CSV 后再导入");
    }
    return csv(decode(bytes));
  }

  static String decode(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, Charset.forName("GB18030"));
    }
  }

  private static List<List<String>> csv(String text) {
    List<List<String>> rows = new ArrayList<>();
    try {
      for (CSVRecord record : CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get()
          .parse(new StringReader(text))) {
        List<String> cells = new ArrayList<>();
        record.forEach(cells::add);
        rows.add(cells);
        limit(rows);
      }
    } catch (IOException | RuntimeException e) {
      throw ApiException.unprocessable("UNREADABLE_FILE", "无法读取这个 CSV 文件，请检查格式");
    }
    return rows;
  }

  private static List<List<String>> xlsx(byte[] bytes) {
    List<List<String>> rows = new ArrayList<>();
    DataFormatter formatter = new DataFormatter();
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet = book.getSheetAt(0);
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            cells.add(cell == null ? "" : formatter.formatCellValue(cell));
          }
        }
        rows.add(cells);
        limit(rows);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw ApiException.unprocessable("UNREADABLE_FILE", "无法读取这个 Excel 文件，请确认是 .xlsx 格式");
    }
    return rows;
  }

  private static void limit(List<List<String>> rows) {
    if (rows.size() > MAX_ROWS + 1) {
      throw ApiException.unprocessable("TOO_MANY_ROWS", "一次最多导入 " + MAX_ROWS + " 行，请分批导入");
    }
  }
}
