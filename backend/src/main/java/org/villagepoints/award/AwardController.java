package org.villagepoints.award;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.common.idempotency.Idempotent;

@Tag(name = "awards")
@Controller("/api")
@Secured({Role.Names.VILLAGE_COMMITTEE})
@ExecuteOn(TaskExecutors.BLOCKING)
class AwardController {

  private final AwardDesk desk;

  AwardController(AwardDesk desk) {
    this.desk = desk;
  }

  @Operation(summary = "Meeting batches of a village, newest first")
  @Get("/villages/{id}/award-batches")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
  @InScope(village = "id")
  List<BatchResponse> list(long id) {
    return desk.list(id);
  }

  @Operation(summary = "Create a meeting batch (draft); Idempotency-Key required")
  @Post("/villages/{id}/award-batches")
  @InScope(village = "id")
  @Idempotent(village = "id", required = true)
  HttpResponse<BatchResponse> create(long id, @Body @Valid BatchForm body, Authentication auth) {
    return HttpResponse.created(desk.create(Caller.of(auth), id, body));
  }

  @Operation(summary = "A batch with its items, caps and cuts")
  @Get("/award-batches/{id}")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
  BatchResponse get(long id, Authentication auth) {
    return desk.get(Caller.of(auth), id);
  }

  @Operation(summary = "Approve: public notice starts (0 notice days: posts at once)")
  @Post("/award-batches/{id}/approve")
  BatchResponse approve(long id, Authentication auth) {
    return desk.approve(Caller.of(auth), id);
  }

  @Operation(summary = "Record an objection (异议) to an item during notice: the item is held")
  @Post("/award-items/{id}/objections")
  HttpResponse<IdOnly> object(long id, @Body @Valid ObjectionForm body, Authentication auth) {
    return HttpResponse.created(desk.object(Caller.of(auth), id, body.reason()));
  }

  @Operation(summary = "Resolve an objection: KEEP (posts) or DROP")
  @Post("/award-objections/{id}/resolve")
  BatchResponse resolve(long id, @Body @Valid ResolutionForm body, Authentication auth) {
    return desk.resolve(Caller.of(auth), id, body.resolution());
  }

  @Operation(summary = "Village award policy: notice days and the unusual-amount multiple")
  @Get("/villages/{id}/policy")
  @InScope(village = "id")
  PolicyForm policy(long id) {
    return desk.policy(id);
  }

  @Operation(summary = "Village policy: days of public notice (0–30, default 3) and the"
      + " multiple of the typical household total that the meeting screen flags (2–20,"
      + " default 3)")
  @Put("/villages/{id}/policy")
  @InScope(village = "id")
  PolicyForm setPolicy(long id, @Body @Valid PolicyForm body, Authentication auth) {
    return desk.setPolicy(Caller.of(auth), id, body);
  }

  @Operation(summary = "Public notice board of a village (no login; names masked)")
  @Get("/public/villages/{id}/notices")
  @Secured(SecurityRule.IS_ANONYMOUS)
  List<NoticeBoard.Notice> notices(long id) {
    return desk.notices(id);
  }
}
