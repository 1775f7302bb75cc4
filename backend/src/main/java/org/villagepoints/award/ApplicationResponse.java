package org.villagepoints.award;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * {@code progress}: SUBMITTED → CHECKED → AT_MEETING → IN_NOTICE → POSTED (or RETURNED,
 * DROPPED), followed through the meeting batch the application went into.
 */
@Serdeable
public record ApplicationResponse(long id, long householdId, String householdCode,
    String headName, String groupName, long ruleId, String ruleName, long points,
    LocalDate occurredOn, String description, String progress, @Nullable String returnReason,
    OffsetDateTime submittedAt, String submittedBy, int photos) {}
