package org.villagepoints.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.ops.ReadRouting;

/** Dashboards for a village, a town and a district; periods are whole months. */
@Controller("/api")
@Tag(name = "dashboards")
class DashboardController {

  private final VillageAnswers villages;
  private final AreaAnswers areas;
  private final ScopeGuard guard;
  private final ReadRouting reads;

  DashboardController(VillageAnswers villages, AreaAnswers areas, ScopeGuard guard,
      ReadRouting reads) {
    this.villages = villages;
    this.areas = areas;
    this.guard = guard;
    this.reads = reads;
  }

  @Operation(summary = "A village's figures for a period (from/to: YYYY-MM; default this month)")
  @Get(value = "/villages/{id}/dashboard{?from,to}", produces = MediaType.APPLICATION_JSON)
  @ApiResponse(responseCode = "200", description = "village 200 response", content = @Content(
      mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(implementation = VillageDashboard.class)))
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
  @InScope(village = "id")
  HttpResponse<byte[]> village(long id, @Nullable @QueryValue String from,
      @Nullable @QueryValue String to) {
    Period period = Period.parse(from, to);
    // the JSON of a VillageDashboard, kept with the answer (VillageAnswers)
    return HttpResponse.ok(reads.read(() -> villages.json(id, period)).value())
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Operation(summary = "A town's villages side by side, totals and monthly trend")
  @Get(value = "/towns/{id}/dashboard{?from,to}", produces = MediaType.APPLICATION_JSON)
  @ApiResponse(responseCode = "200", description = "town 200 response", content = @Content(
      mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(implementation = AreaDashboard.class)))
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN})
  HttpResponse<byte[]> town(long id, @Nullable @QueryValue String from,
      @Nullable @QueryValue String to, Authentication auth) {
    guard.requireTown(Caller.of(auth), id);
    return area(Figures.Scope.TOWN, id, Period.parse(from, to));
  }

  @Operation(summary = "A district's villages side by side, totals and monthly trend")
  @Get(value = "/districts/{id}/dashboard{?from,to}", produces = MediaType.APPLICATION_JSON)
  @ApiResponse(responseCode = "200", description = "district 200 response", content = @Content(
      mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(implementation = AreaDashboard.class)))
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN})
  HttpResponse<byte[]> district(long id, @Nullable @QueryValue String from,
      @Nullable @QueryValue String to, Authentication auth) {
    guard.requireDistrict(Caller.of(auth), id);
    return area(Figures.Scope.DISTRICT, id, Period.parse(from, to));
  }

  /** The JSON of an {@link AreaDashboard}, assembled from kept village rows (AreaAnswers). */
  private HttpResponse<byte[]> area(Figures.Scope scope, long id, Period period) {
    return HttpResponse.ok(areas.json(scope, id, period))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
