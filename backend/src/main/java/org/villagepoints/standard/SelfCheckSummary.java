package org.villagepoints.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;

/** One line of a list of self-checks (a village's years, a town's review queue). */
@Serdeable
public record SelfCheckSummary(long id, long villageId, String villageName, String townName,
    int year, String status, @Nullable Integer score, @Nullable Integer maxScore,
    @Nullable OffsetDateTime submittedAt) {}
