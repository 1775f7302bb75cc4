package org.villagepoints.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.villagepoints.common.Sql;

/**
 * Reads exported files back with independent parsers (POI's XSSF reader, commons-csv) and
 * brings every value into one comparable text form: numbers without trailing zeros,
 * percentages as ratios, dates as yyyy-MM-dd, times as yyyy-MM-dd HH:mm:ss, empty for none.
 */
final class Spreadsheets {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** A workbook's first sheet: the title, the header and the data rows. */
  record Table(String title, List<String> header, List<List<String>> rows) {}

  private Spreadsheets() {}

  static XSSFWorkbook workbook(byte[] xlsx) {
    try {
      return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Table xlsx(byte[] xlsx) {
    try (XSSFWorkbook book = workbook(xlsx)) {
      Sheet sheet = book.getSheetAt(0);
      List<String> header = cells(sheet.getRow(1), sheet.getRow(1).getLastCellNum());
      List<List<String>> rows = new ArrayList<>();
      for (int r = 2; r <= sheet.getLastRowNum(); r++) {
        rows.add(cells(sheet.getRow(r), header.size()));
      }
      return new Table(sheet.getRow(0).getCell(0).getStringCellValue(), header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Table csv(byte[] csv) {
    try (Reader in = new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3),
        StandardCharsets.UTF_8)) {
      List<CSVRecord> records = CSVFormat.DEFAULT.parse(in).getRecords();
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord r : records.subList(1, records.size())) {
        rows.add(r.stream().map(Spreadsheets::canon).toList());
      }
      return new Table(null, records.get(0).toList(), rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> cells(Row row, int width) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      out.add(row == null ? "" : cell(row.getCell(c)));
    }
    return out;
  }

  private static String cell(Cell cell) {
    if (cell == null || cell.getCellType() == CellType.BLANK) {
      return "";
    }
    if (cell.getCellType() == CellType.STRING) {
      return cell.getStringCellValue();
    }
    if (DateUtil.isCellDateFormatted(cell)) {
      LocalDateTime t = cell.getLocalDateTimeCellValue();
      return cell.getCellStyle().getDataFormatString().contains("h") ? TIME.format(t)
          : t.toLocalDate().toString();
    }
    return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
  }

  /** The comparable form of a CSV field: numbers and percentages become plain numbers. */
  static String canon(String text) {
    if (text.matches("-?\\d+(\\.\\d+)?")) {
      return new BigDecimal(text).stripTrailingZeros().toPlainString();
    }
    if (text.matches("-?\\d+(\\.\\d+)?%")) {
      return new BigDecimal(text.substring(0, text.length() - 1)).movePointLeft(2)
          .stripTrailingZeros().toPlainString();
    }
    return text;
  }

  /** The comparable form of a value read from the database. */
  static String value(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Timestamp t) {
      return TIME.format(t.toInstant().atZone(Sql.ZONE).toLocalDateTime()
          .truncatedTo(ChronoUnit.SECONDS));
    }
    if (v instanceof OffsetDateTime t) {
      return TIME.format(t.atZoneSameInstant(Sql.ZONE).toLocalDateTime()
          .truncatedTo(ChronoUnit.SECONDS));
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return canon(v.toString());
  }
}
