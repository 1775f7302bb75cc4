package org.villagepoints.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.ScopeGuard;

/** The books (台账) of a village per month, and the district's summary, as .xlsx or CSV. */
@Tag(name = "exports")
@Controller("/api")
@Secured({Role.Names.VILLAGE_COMMITTEE, Role.Names.TOWN_ADMIN, Role.Names.DISTRICT_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class ExportController {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String CSV = "text/csv";
  private static final String MONTH = "YYYY-MM in Asia/Shanghai; default: this month";
  private final Exports exports;
  private final ScopeGuard guard;

  ExportController(Exports exports, ScopeGuard guard) {
    this.exports = exports;
    this.guard = guard;
  }

  @Operation(summary = "A village's book for a month as .xlsx (book: ledger, award-batches,"
      + " redemptions, stock, ratings, households), streamed")
  @Get(value = "/villages/{id}/exports/{book}.xlsx", produces = XLSX)
  @InScope(village = "id")
  HttpResponse<InputStream> villageXlsx(long id, @Parameter(schema = @Schema(allowableValues =
      {"ledger", "award-batches", "redemptions", "stock", "ratings", "households"})) String book,
      @Parameter(description = MONTH) @Nullable @QueryValue String month, Authentication auth) {
    return exports.village(Caller.of(auth), id, book, month, SheetWriter.Format.XLSX);
  }

  @Operation(summary = "A village's book for a month as CSV (UTF-8 with BOM), streamed")
  @Get(value = "/villages/{id}/exports/{book}.csv", produces = CSV)
  @InScope(village = "id")
  HttpResponse<InputStream> villageCsv(long id, @Parameter(schema = @Schema(allowableValues =
      {"ledger", "award-batches", "redemptions", "stock", "ratings", "households"})) String book,
      @Parameter(description = MONTH) @Nullable @QueryValue String month, Authentication auth) {
    return exports.village(Caller.of(auth), id, book, month, SheetWriter.Format.CSV);
  }

  @Operation(summary = "The district's summary per village for a month as .xlsx")
  @Get(value = "/districts/{id}/exports/summary.xlsx", produces = XLSX)
  @Secured({Role.Names.DISTRICT_ADMIN})
  HttpResponse<InputStream> summaryXlsx(long id,
      @Parameter(description = MONTH) @Nullable @QueryValue String month, Authentication auth) {
    guard.requireDistrict(Caller.of(auth), id);
    return exports.district(id, month, SheetWriter.Format.XLSX);
  }

  @Operation(summary = "The district's summary per village for a month as CSV (UTF-8 with BOM)")
  @Get(value = "/districts/{id}/exports/summary.csv", produces = CSV)
  @Secured({Role.Names.DISTRICT_ADMIN})
  HttpResponse<InputStream> summaryCsv(long id,
      @Parameter(description = MONTH) @Nullable @QueryValue String month, Authentication auth) {
    guard.requireDistrict(Caller.of(auth), id);
    return exports.district(id, month, SheetWriter.Format.CSV);
  }
}
