package org.villagepoints.export;

import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.Role;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.ops.ReadRouting;

/**
 * Answers an export request: checks the book and the month (bad input is refused before any
 * byte is sent), names the file, counts the rows for the progress bar, then streams the book.
 * Scope has been checked by {@code @InScope} or the district guard.
 */
@Singleton
class Exports {

  private final Map<String, Book.OfVillage> villageBooks;
  private final DistrictSummaryBook summary;
  private final ExportRunner runner;
  private final ExportStreams streams;
  private final Sql sql;
  private final ReadRouting reads;

  Exports(List<Book.OfVillage> villageBooks, DistrictSummaryBook summary, ExportRunner runner,
      ExportStreams streams, Sql sql, ReadRouting reads) {
    this.villageBooks = villageBooks.stream()
        .collect(Collectors.toMap(Book::key, Function.identity()));
    this.summary = summary;
    this.runner = runner;
    this.streams = streams;
    this.sql = sql;
    this.reads = reads;
  }

  HttpResponse<InputStream> village(Caller caller, long villageId, String key, String month,
      SheetWriter.Format format) {
    Book book = villageBooks.get(key);
    if (book == null) {
      throw ApiException.notFound("EXPORT_NOT_FOUND", "没有这种台账：" + key
          + "（可选：ledger、award-batches、redemptions、stock、ratings、households）");
    }
    String name = sql.one("select name from villages where id = ?", rs -> rs.getString(1),
        villageId).orElseThrow(() -> ApiException.notFound("VILLAGE_NOT_FOUND", "找不到这个村"));
    ExportScope scope = new ExportScope(villageId, name, ExportMonth.parse(month),
        caller.role() == Role.VILLAGE_COMMITTEE);
    return export(book, scope, format, "village-" + villageId);
  }

  HttpResponse<InputStream> district(long districtId, String month, SheetWriter.Format format) {
    String name = sql.one("select name from districts where id = ?", rs -> rs.getString(1),
        districtId).orElseThrow(() -> ApiException.notFound("DISTRICT_NOT_FOUND", "找不到这个区"));
    ExportScope scope = new ExportScope(districtId, name, ExportMonth.parse(month), false);
    return export(summary, scope, format, "district-" + districtId);
  }

  private HttpResponse<InputStream> export(Book book, ExportScope scope,
      SheetWriter.Format format, String asciiPlace) {
    List<Column> columns = book.columns(scope);
    Book.Query query = book.query(scope);
    long rows = reads.read(() -> runner.count(book.count(scope))).value();
    String month = scope.month().key();
    String title = scope.placeName() + " · " + book.title() + " · " + scope.month().chinese();
    String sheet = book.title() + " " + month;
    return streams.stream(format,
        scope.placeName() + "-" + book.title() + "-" + month + "." + format.extension,
        asciiPlace + "-" + book.key() + "-" + month + "." + format.extension, rows,
        out -> {
          try (SheetWriter writer = format.open(out)) {
            writer.start(title, sheet, columns);
            reads.read(() -> runner.write(query, columns, writer));
            writer.finish();
          }
        });
  }
}
