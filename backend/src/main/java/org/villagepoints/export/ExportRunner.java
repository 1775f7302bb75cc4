package org.villagepoints.export;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads a book's rows through a PostgreSQL cursor and hands each to the writer as it
 * arrives. pgjdbc fetches in pieces of {@value #FETCH_SIZE} rows only with autocommit off and
 * a fetch size set, hence the read-only transaction around it; without that it would load the
 * whole result first. One statement sees one snapshot, so a book is consistent in itself.
 */
@Singleton
class ExportRunner {

  static final int FETCH_SIZE = 500;
  private final JdbcOperations jdbc;

  ExportRunner(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  long write(Book.Query query, List<Column> columns, SheetWriter out) {
    return jdbc.prepareStatement(query.sql(), ps -> {
      if (ps.getConnection().getAutoCommit()) {
        throw new IllegalStateException("an export needs a transaction to stream with a cursor");
      }
      ps.setFetchSize(FETCH_SIZE);
      bind(ps, query.params());
      Object[] values = new Object[columns.size()];
      long rows = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          for (int c = 0; c < values.length; c++) {
            values[c] = columns.get(c).reader().read(rs);
          }
          out.row(values);
          rows++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return rows;
    });
  }

  /** A single number, e.g. how many rows a book will have (a hint for progress bars). */
  @Transactional(readOnly = true)
  long count(Book.Query query) {
    return jdbc.prepareStatement(query.sql(), ps -> {
      bind(ps, query.params());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }
}
