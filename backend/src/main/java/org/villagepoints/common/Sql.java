package org.villagepoints.common;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Thin helper over the transaction-bound JDBC connection for hand-written SQL: positional
 * parameters, a row mapper, nothing hidden. Runs in the caller's transaction when
 * there is one, otherwise in a transaction of its own for the one statement.
 */
@Singleton
@Transactional
public class Sql {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private final JdbcOperations jdbc;

  Sql(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  public <T> List<T> list(String sql, Row<T> row, Object... params) {
    return jdbc.prepareStatement(sql, ps -> {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    });
  }

  public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
    List<T> rows = list(sql, row, params);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  public long number(String sql, Object... params) {
    return one(sql, rs -> rs.getLong(1), params).orElse(0L);
  }

  public int update(String sql, Object... params) {
    return jdbc.prepareStatement(sql, ps -> {
      bind(ps, params);
      return ps.executeUpdate();
    });
  }

  public static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant().atZone(ZONE).toOffsetDateTime();
  }

  public static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  /**
   * The text itself, or 400 INVALID_CHARACTER when it holds a NUL: PostgreSQL text cannot,
   * and left to the driver the whole request would fail with a 500. Code that binds strings
   * without this class calls it too.
   */
  public static String storable(String text) {
    if (text != null && text.indexOf('\u0000') >= 0) {
      throw ApiException.badRequest("INVALID_CHARACTER",
          "填写的内容含有无法保存的控制字符（NUL），请删除后重试");
    }
    return text;
  }

  private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Instant instant) {
        ps.setTimestamp(i + 1, Timestamp.from(instant));
      } else if (p instanceof String text) {
        ps.setString(i + 1, storable(text));
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }
}
