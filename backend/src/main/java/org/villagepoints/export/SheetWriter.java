package org.villagepoints.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes one table to a stream, row by row: the only place that knows xlsx or CSV. A writer
 * owns the stream it was opened on and closes it in {@link #close()}.
 */
interface SheetWriter extends AutoCloseable {

  /** The title (village, book, month) and the header row; called once, first. */
  void start(String title, String sheetName, List<Column> columns) throws IOException;

  /** One row, values in column order (see {@link Column} for their types). */
  void row(Object[] values) throws IOException;

  /** Flushes everything that is still buffered to the stream. */
  void finish() throws IOException;

  @Override
  void close() throws IOException;

  enum Format {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv; charset=utf-8");

    final String extension;
    final String contentType;

    Format(String extension, String contentType) {
      this.extension = extension;
      this.contentType = contentType;
    }

    SheetWriter open(OutputStream out) {
      return this == XLSX ? new XlsxSheetWriter(out) : new CsvSheetWriter(out);
    }
  }
}
