package org.villagepoints.household;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.common.idempotency.Idempotent;

/** Writes to the register: the village committee, in its own village only. */
@Tag(name = "households")
@Controller("/api")
@Secured({Role.Names.VILLAGE_COMMITTEE})
@ExecuteOn(TaskExecutors.BLOCKING)
class RegisterController {

  private final RegisterFacade register;

  RegisterController(RegisterFacade register) {
    this.register = register;
  }

  @Operation(summary = "Add a ten-household group")
  @Post("/villages/{id}/groups")
  @InScope(village = "id")
  @Idempotent(village = "id")
  HttpResponse<IdResponse> createGroup(long id, @Body @Valid GroupForm body, Authentication auth) {
    return HttpResponse.created(register.createGroup(Caller.of(auth), id, body));
  }

  @Operation(summary = "Rename a group or change its leader")
  @Put("/groups/{id}")
  @InScope(group = "id")
  IdResponse updateGroup(long id, @Body @Valid GroupForm body, Authentication auth) {
    return register.updateGroup(Caller.of(auth), id, body);
  }

  @Operation(summary = "Register a household (opens its points account and card)")
  @Post("/villages/{id}/households")
  @InScope(village = "id")
  @Idempotent(village = "id")
  HttpResponse<HouseholdResponse> create(long id, @Body @Valid HouseholdForm body,
      Authentication auth) {
    return HttpResponse.created(register.create(Caller.of(auth), id, body));
  }

  @Operation(summary = "Update a household's details and members")
  @Put("/households/{id}")
  @InScope(household = "id")
  HouseholdResponse update(long id, @Body @Valid HouseholdForm body, Authentication auth) {
    return register.update(Caller.of(auth), id, body);
  }

  @Operation(summary = "Move a household to another group of the village")
  @Post("/households/{id}/move")
  @InScope(household = "id")
  HouseholdResponse move(long id, @Body @Valid MoveRequest body, Authentication auth) {
    return register.move(Caller.of(auth), id, body.groupId());
  }

  @Operation(summary = "Archive a household: keeps its passbook, stops its login and card")
  @Post("/households/{id}/archive")
  @InScope(household = "id")
  HouseholdResponse archive(long id, Authentication auth) {
    return register.archive(Caller.of(auth), id);
  }

  @Operation(summary = "Set a new random 6-digit PIN for the household login (shown once)")
  @Post("/households/{id}/pin")
  @InScope(household = "id")
  HttpResponse<PinResponse> resetPin(long id, Authentication auth) {
    return HttpResponse.created(register.resetPin(Caller.of(auth), id));
  }
}
