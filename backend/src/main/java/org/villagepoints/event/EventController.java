package org.villagepoints.event;

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
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.card.QrCodes;

@Tag(name = "events")
@Controller("/api")
@Secured({Role.Names.VILLAGE_COMMITTEE})
@ExecuteOn(TaskExecutors.BLOCKING)
class EventController {

  private final Events events;
  private final ScopeGuard guard;

  EventController(Events events, ScopeGuard guard) {
    this.events = events;
    this.guard = guard;
  }

  @Operation(summary = "Create a meeting or activity with a check-in code valid in its window")
  @Post("/villages/{id}/events")
  @InScope(village = "id")
  HttpResponse<EventResponse> create(long id, @Body @Valid EventForm body, Authentication auth) {
    return HttpResponse.created(events.create(Caller.of(auth), id, body));
  }

  @Operation(summary = "An event with its attendance count and check-in code")
  @Get("/events/{id}")
  EventResponse get(long id, Authentication auth) {
    guard.requireVillage(Caller.of(auth), events.villageOf(id), false);
    return events.get(id);
  }

  @Operation(summary = "The check-in QR code to show on a screen or print")
  @Get(value = "/events/{id}/qr.png", produces = MediaType.IMAGE_PNG)
  byte[] qr(long id, Authentication auth) {
    guard.requireVillage(Caller.of(auth), events.villageOf(id), false);
    return QrCodes.png(events.get(id).code(), 600);
  }

  @Operation(summary = "A villager checks in the household by scanning the event's code")
  @Post("/events/check-in")
  @Secured({Role.Names.VILLAGER})
  CheckInResponse checkIn(@Body @Valid CheckInForm body, Authentication auth) {
    return events.checkIn(Caller.of(auth), body.code());
  }

  @Operation(summary = "Turn the attendance into a draft meeting batch (no points without"
      + " approval)")
  @Post("/events/{id}/batch")
  HttpResponse<EventResponse> toBatch(long id, Authentication auth) {
    events.toBatch(Caller.of(auth), id);
    return HttpResponse.created(events.get(id));
  }
}
