package org.villagepoints.export;

import java.util.List;

/**
 * One book (台账): a title, its columns and the one SQL query whose rows it lists, in order.
 * The rows are read from a cursor and written straight out by {@link ExportRunner}, so a book
 * never holds its rows. Books differ only in these declarations; xlsx and CSV are the
 * writers' business.
 */
interface Book {

  /** The name in the URL, e.g. {@code ledger}. */
  String key();

  /** The Chinese title, e.g. 积分流水台账. */
  String title();

  List<Column> columns(ExportScope scope);

  Query query(ExportScope scope);

  /** How many rows {@link #query} will give, for progress bars: by default it counts them. */
  default Query count(ExportScope scope) {
    Query rows = query(scope);
    return new Query("select count(*) from (" + rows.sql() + ") book", rows.params());
  }

  /** SQL with positional parameters (Long, String, LocalDate, OffsetDateTime). */
  record Query(String sql, List<Object> params) {

    static Query of(String sql, Object... params) {
      return new Query(sql, List.of(params));
    }
  }

  /** A book of one village; the district summary is the only other kind. */
  interface OfVillage extends Book {}
}
