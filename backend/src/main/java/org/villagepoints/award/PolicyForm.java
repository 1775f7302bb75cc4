package org.villagepoints.award;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A village's award policy. {@code unusualMultiple}: the meeting screen flags a household whose
 * total in one batch exceeds this many times the batch's median household total (null in a
 * PUT keeps the current value).
 */
@Serdeable
public record PolicyForm(@NotNull @Min(0) @Max(30) Integer noticeDays,
    @Nullable @Min(2) @Max(20) Integer unusualMultiple) {}
