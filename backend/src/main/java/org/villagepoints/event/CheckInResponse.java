package org.villagepoints.event;

import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;

/**
 * {@code alreadyCheckedIn}: the household had checked in before (once per household);
 * {@code checkedInAt} is then the time of that first check-in.
 */
@Serdeable
public record CheckInResponse(long eventId, String title, long householdId,
    boolean alreadyCheckedIn, OffsetDateTime checkedInAt) {}
