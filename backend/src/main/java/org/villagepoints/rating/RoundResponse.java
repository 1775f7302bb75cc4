package org.villagepoints.rating;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A round with its progress and results (clean-household rate = rated with ≥ 1 star ÷ households). */
@Serdeable
public record RoundResponse(long id, String name, LocalDate periodStart, LocalDate periodEnd,
    String status, @Nullable Long batchId, long households, long rated,
    BigDecimal cleanHouseholdRate, Map<Integer, Long> starCounts, List<RatingResponse> flagged) {}
