package org.villagepoints.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.card.QrCodes;

@Tag(name = "events")
@Controller("/api")
@Secured({Role.Names.VILLAGE_COMMITTEE})
@ExecuteOn(TaskExecutors.BLOCKING)
class EventController {

  private final EventDesk desk;

  EventController(EventDesk desk) {
    this.desk = desk;
  }

  @Operation(summary = "Create a meeting or activity with a check-in code valid in its window")
  @Post("/villages/{id}/events")
  @InScope(village = "id")
  HttpResponse<EventResponse> create(long id, @Body @Valid EventForm body, Authentication auth) {
    return HttpResponse.created(desk.create(Caller.of(auth), id, body));
  }

  @Operation(summary = "The village's events, latest first, with state and attendance count")
  @Get("/villages/{id}/events")
  @InScope(village = "id")
  List<EventResponse> list(long id) {
    return desk.list(id);
  }

  @Operation(summary = "An event with its attendance count and check-in codes")
  @Get("/events/{id}")
  EventResponse get(long id, Authentication auth) {
    return desk.get(Caller.of(auth), id);
  }

  @Operation(summary = "The households that checked in, in check-in order")
  @Get("/events/{id}/attendance")
  List<AttendanceResponse> attendance(long id, Authentication auth) {
    return desk.attendance(Caller.of(auth), id);
  }

  @Operation(summary = "The check-in QR code to show on a screen or print")
  @Get(value = "/events/{id}/qr.png", produces = MediaType.IMAGE_PNG)
  byte[] qr(long id, Authentication auth) {
    return QrCodes.png(desk.get(Caller.of(auth), id).code(), 600);
  }

  @Operation(summary = "A villager checks in the household with the event's QR code or typed"
      + " 6-digit code")
  @Post("/events/check-in")
  @Secured({Role.Names.VILLAGER})
  CheckInResponse checkIn(@Body @Valid CheckInForm body, Authentication auth) {
    return desk.checkIn(Caller.of(auth), body.code());
  }

  @Operation(summary = "Turn the attendance into a draft meeting batch (no points without"
      + " approval); optional {ruleId} when the event has none")
  @Post("/events/{id}/batch")
  HttpResponse<EventResponse> toBatch(long id, @Nullable @Body EventBatchForm body,
      Authentication auth) {
    return HttpResponse.created(desk.toBatch(Caller.of(auth), id,
        body == null ? null : body.ruleId()));
  }
}
