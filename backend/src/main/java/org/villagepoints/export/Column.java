package org.villagepoints.export;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.villagepoints.common.Sql;

/**
 * One column of a book: its Chinese header, how its values are typed in Excel, its width in
 * characters (set explicitly: a streamed sheet cannot autosize), and how a value is read from
 * the current row of the cursor. Values are String, Long, BigDecimal, LocalDate or
 * LocalDateTime (wall time in Asia/Shanghai), or null.
 */
record Column(String header, Type type, int width, Reader reader) {

  enum Type {
    TEXT,
    /** whole numbers, e.g. households, quantities */
    INTEGER,
    /** points that can be negative: Excel shows the sign (+5 / -3) */
    SIGNED,
    /** money in yuan, two decimals */
    MONEY,
    /** a ratio 0..1, shown as a percentage */
    PERCENT,
    DATE,
    DATETIME
  }

  @FunctionalInterface
  interface Reader {
    Object read(ResultSet rs) throws SQLException;
  }

  static Column text(String header, int width, String column) {
    return new Column(header, Type.TEXT, width, rs -> rs.getString(column));
  }

  /** A code stored in the database shown by its Chinese label (the code itself if unknown). */
  static Column label(String header, int width, String column, Map<String, String> labels) {
    return new Column(header, Type.TEXT, width, rs -> {
      String code = rs.getString(column);
      return code == null ? null : labels.getOrDefault(code, code);
    });
  }

  static Column integer(String header, int width, String column) {
    return new Column(header, Type.INTEGER, width, rs -> Sql.nullableLong(rs, column));
  }

  static Column signed(String header, int width, String column) {
    return new Column(header, Type.SIGNED, width, rs -> Sql.nullableLong(rs, column));
  }

  static Column money(String header, int width, String column) {
    return new Column(header, Type.MONEY, width, rs -> rs.getBigDecimal(column));
  }

  static Column percent(String header, int width, String column) {
    return new Column(header, Type.PERCENT, width, rs -> {
      BigDecimal v = rs.getBigDecimal(column);
      return v == null ? null : v.stripTrailingZeros();
    });
  }

  static Column date(String header, int width, String column) {
    return new Column(header, Type.DATE, width, rs -> rs.getObject(column, LocalDate.class));
  }

  /**
   * A timestamptz as the wall-clock time in Asia/Shanghai to the second (Excel has no time
   * zones, and its date numbers would not keep microseconds exactly).
   */
  static Column time(String header, int width, String column) {
    return new Column(header, Type.DATETIME, width, rs -> {
      OffsetDateTime t = Sql.time(rs, column);
      return t == null ? null : t.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
    });
  }

  /** A timestamptz shown as its date in Asia/Shanghai. */
  static Column day(String header, int width, String column) {
    return new Column(header, Type.DATE, width, rs -> {
      OffsetDateTime t = Sql.time(rs, column);
      return t == null ? null : t.toLocalDate();
    });
  }

  static Column yesNo(String header, int width, String column) {
    return new Column(header, Type.TEXT, width, rs -> {
      boolean v = rs.getBoolean(column);
      return rs.wasNull() ? null : v ? "是" : "否";
    });
  }
}
