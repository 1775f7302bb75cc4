package org.villagepoints.event;

import io.micronaut.serde.annotation.Serdeable;

/** {@code alreadyCheckedIn}: the household had checked in before (once per household). */
@Serdeable
public record CheckInResponse(long eventId, String title, long householdId,
    boolean alreadyCheckedIn) {}
