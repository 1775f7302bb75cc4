package org.villagepoints.event;

import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;

/** One household's check-in at an event. */
@Serdeable
public record AttendanceResponse(long householdId, String householdCode, String headName,
    String groupName, OffsetDateTime checkedInAt) {}
