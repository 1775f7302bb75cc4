package org.villagepoints.event;

import jakarta.inject.Singleton;
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;

/** Facade for the event endpoints: scope checks for event ids, then the service call. */
@Singleton
class EventDesk {

  private final Events events;
  private final EventQuery query;
  private final ScopeGuard guard;

  EventDesk(Events events, EventQuery query, ScopeGuard guard) {
    this.events = events;
    this.query = query;
    this.guard = guard;
  }

  EventResponse create(Caller caller, long villageId, EventForm form) {
    return query.get(events.create(caller, villageId, form));
  }

  List<EventResponse> list(long villageId) {
    return query.forVillage(villageId);
  }

  EventResponse get(Caller caller, long eventId) {
    guard.requireVillage(caller, query.villageOf(eventId), false);
    return query.get(eventId);
  }

  List<AttendanceResponse> attendance(Caller caller, long eventId) {
    guard.requireVillage(caller, query.villageOf(eventId), false);
    return query.attendance(eventId);
  }

  CheckInResponse checkIn(Caller villager, String code) {
    return events.checkIn(villager, code);
  }

  EventResponse toBatch(Caller caller, long eventId, Long ruleId) {
    events.toBatch(caller, eventId, ruleId);
    return query.get(eventId);
  }
}
