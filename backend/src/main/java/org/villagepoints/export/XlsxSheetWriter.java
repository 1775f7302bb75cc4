package org.villagepoints.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An .xlsx through POI's streaming workbook: only the last {@value #WINDOW} rows stay in
 * memory, older ones go to a compressed temporary file, and the finished file is zipped
 * straight onto the stream. Row 1 is the title (village, book, month), row 2 the header; both
 * stay frozen while scrolling and the header repeats on every printed page. Dates are Excel
 * dates and numbers are numbers, so the sheet can be sorted and summed.
 */
final class XlsxSheetWriter implements SheetWriter {

  static final int WINDOW = 100;
  static final int FIRST_DATA_ROW = 2;
  private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
  private final OutputStream out;
  private final SXSSFWorkbook book;
  private SXSSFSheet sheet;
  private List<Column> columns;
  private CellStyle[] styles;
  private int next = FIRST_DATA_ROW;

  XlsxSheetWriter(OutputStream out) {
    this.out = out;
    // compressed temp files; inline strings (a shared-strings table would grow in memory)
    this.book = new SXSSFWorkbook(null, WINDOW, true, false);
  }

  @Override
  public void start(String title, String sheetName, List<Column> columns) {
    this.columns = columns;
    sheet = book.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
    Row titleRow = sheet.createRow(0);
    titleRow.setHeightInPoints(26);
    Cell titleCell = titleRow.createCell(0);
    titleCell.setCellValue(title);
    titleCell.setCellStyle(titleStyle());
    if (columns.size() > 1) {
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
    }
    Row header = sheet.createRow(1);
    CellStyle headerStyle = headerStyle();
    styles = new CellStyle[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      Cell cell = header.createCell(c);
      cell.setCellValue(columns.get(c).header());
      cell.setCellStyle(headerStyle);
      sheet.setColumnWidth(c, Math.min(255, columns.get(c).width()) * 256);
      styles[c] = valueStyle(columns.get(c).type());
    }
    sheet.createFreezePane(0, FIRST_DATA_ROW);
    sheet.setRepeatingRows(new CellRangeAddress(1, 1, 0, columns.size() - 1));
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setLandscape(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
  }

  @Override
  public void row(Object[] values) {
    Row row = sheet.createRow(next++);
    for (int c = 0; c < values.length; c++) {
      Object v = values[c];
      if (v == null) {
        continue;
      }
      Cell cell = row.createCell(c);
      cell.setCellStyle(styles[c]);
      switch (columns.get(c).type()) {
        case TEXT -> cell.setCellValue(clip(v.toString()));
        case INTEGER, SIGNED -> cell.setCellValue(((Long) v).doubleValue());
        case MONEY, PERCENT -> cell.setCellValue(((BigDecimal) v).doubleValue());
        case DATE -> cell.setCellValue((LocalDate) v);
        case DATETIME -> cell.setCellValue((LocalDateTime) v);
        default -> throw new IllegalStateException(columns.get(c).type().name());
      }
    }
  }

  @Override
  public void finish() throws IOException {
    book.write(out);
    out.flush();
  }

  /** Closes the workbook, which also deletes its temporary files, then the stream. */
  @Override
  public void close() throws IOException {
    try {
      book.close();
    } finally {
      out.close();
    }
  }

  private static String clip(String text) {
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
  }

  private CellStyle titleStyle() {
    CellStyle style = book.createCellStyle();
    Font font = book.createFont();
    font.setBold(true);
    font.setFontHeightInPoints((short) 14);
    style.setFont(font);
    return style;
  }

  private CellStyle headerStyle() {
    CellStyle style = book.createCellStyle();
    Font font = book.createFont();
    font.setBold(true);
    style.setFont(font);
    style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    style.setBorderBottom(BorderStyle.THIN);
    style.setWrapText(true);
    return style;
  }

  private CellStyle valueStyle(Column.Type type) {
    CellStyle style = book.createCellStyle();
    String format = switch (type) {
      case INTEGER -> "0";
      case SIGNED -> "+0;-0;0";
      case MONEY -> "0.00";
      case PERCENT -> "0.0%";
      case DATE -> "yyyy-mm-dd";
      case DATETIME -> "yyyy-mm-dd hh:mm:ss";
      case TEXT -> "@";
    };
    style.setDataFormat(book.createDataFormat().getFormat(format));
    return style;
  }
}
