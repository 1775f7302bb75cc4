package org.villagepoints.inspection;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.common.Sql;
import org.villagepoints.common.idempotency.Idempotent;

/** Visits (巡检 / 暗访 / 回访): town and district staff record them, the committee reads them. */
@Tag(name = "inspections")
@Controller("/api")
@Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
@ExecuteOn(TaskExecutors.BLOCKING)
class InspectionController {

  private final Inspections inspections;

  InspectionController(Inspections inspections) {
    this.inspections = inspections;
  }

  @Operation(summary = "Record a visit with its findings; each finding becomes a rectification"
      + " task")
  @Post("/villages/{id}/inspections")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN})
  @InScope(village = "id")
  @Idempotent(village = "id")
  HttpResponse<InspectionResponse> record(long id, @Body @Valid VisitForm body,
      Authentication auth) {
    return HttpResponse.created(inspections.record(Caller.of(auth), id, body, today()));
  }

  @Operation(summary = "A village's visits, newest first")
  @Get("/villages/{id}/inspections")
  @InScope(village = "id")
  List<InspectionResponse> list(long id) {
    return inspections.list(id);
  }

  @Operation(summary = "One visit with its findings and their tasks")
  @Get("/inspections/{id}")
  InspectionResponse get(long id, Authentication auth) {
    return inspections.get(Caller.of(auth), id, today());
  }

  static LocalDate today() {
    return LocalDate.now(Sql.ZONE);
  }
}
