package org.villagepoints.standard;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.ScopeGuard;

/** The district's 九有六无 checklist: read in the district, edited by district staff. */
@Tag(name = "standard")
@Controller("/api")
@Secured({Role.Names.DISTRICT_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class ChecklistController {

  private final Checklist checklist;
  private final ScopeGuard guard;

  ChecklistController(Checklist checklist, ScopeGuard guard) {
    this.checklist = checklist;
    this.guard = guard;
  }

  @Operation(summary = "The district's 九有六无 checklist (有 items first, by position)")
  @Get("/districts/{id}/standard-items")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
  List<ChecklistItem> items(long id, Authentication auth) {
    guard.requireDistrict(Caller.of(auth), id);
    return checklist.forDistrict(id);
  }

  @Operation(summary = "Add a checklist item")
  @Post("/districts/{id}/standard-items")
  HttpResponse<ChecklistItem> create(long id, @Body @Valid ItemForm body, Authentication auth) {
    guard.requireDistrict(Caller.of(auth), id);
    return HttpResponse.created(checklist.create(Caller.of(auth), id, body));
  }

  @Operation(summary = "Change a checklist item (submitted self-checks keep their copy)")
  @Put("/standard-items/{id}")
  ChecklistItem update(long id, @Body @Valid ItemForm body, Authentication auth) {
    guard.requireDistrict(Caller.of(auth), checklist.districtOf(id));
    return checklist.update(Caller.of(auth), id, body);
  }

  @Operation(summary = "Retire a checklist item (submitted self-checks keep their copy)")
  @Delete("/standard-items/{id}")
  HttpResponse<Void> retire(long id, Authentication auth) {
    guard.requireDistrict(Caller.of(auth), checklist.districtOf(id));
    checklist.retire(Caller.of(auth), id);
    return HttpResponse.noContent();
  }
}
