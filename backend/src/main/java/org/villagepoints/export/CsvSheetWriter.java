package org.villagepoints.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV in UTF-8 with a byte-order mark, so Excel on Windows opens the Chinese text correctly
 * (without it Excel guesses GBK). The first line is the header: no title line, so the file
 * stays one table for any CSV reader. Rows go to the stream as they come.
 */
final class CsvSheetWriter implements SheetWriter {

  static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private final BufferedWriter out;
  private CSVPrinter printer;
  private List<Column> columns;

  CsvSheetWriter(OutputStream stream) {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
  }

  @Override
  public void start(String title, String sheetName, List<Column> columns) throws IOException {
    this.columns = columns;
    out.write('\uFEFF');
    printer = new CSVPrinter(out, CSVFormat.DEFAULT);
    printer.printRecord(columns.stream().map(Column::header).toList());
  }

  @Override
  public void row(Object[] values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      printer.print(format(columns.get(i).type(), values[i]));
    }
    printer.println();
  }

  static String format(Column.Type type, Object value) {
    if (value == null) {
      return "";
    }
    return switch (type) {
      case TEXT -> defuse(value.toString());
      case MONEY -> ((BigDecimal) value).setScale(2, RoundingMode.HALF_UP).toPlainString();
      case PERCENT -> ((BigDecimal) value).movePointRight(2).setScale(1, RoundingMode.HALF_UP)
          .toPlainString() + "%";
      case DATETIME -> DATETIME.format((LocalDateTime) value);
      default -> value.toString();
    };
  }

  /**
   * Text starting with = + - @ would run as a formula when the file is opened in a spreadsheet
   * (CSV injection); a leading apostrophe keeps it text. Numbers are typed columns, never here.
   */
  static String defuse(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  @Override
  public void finish() throws IOException {
    printer.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
