package org.villagepoints.rating;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/** {@code photo}: a photo is attached ({@code GET .../ratings/{householdId}/photo}). */
@Serdeable
public record RatingResponse(long roundId, String roundName, long householdId,
    String householdCode, String headName, String groupName, Map<String, Integer> scores,
    int total, int stars, boolean flagged, @Nullable LocalDate followUpOn, @Nullable String note,
    String inspector, OffsetDateTime ratedAt, boolean photo) {}
