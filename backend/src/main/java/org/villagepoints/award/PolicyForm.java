package org.villagepoints.award;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Serdeable
public record PolicyForm(@NotNull @Min(0) @Max(30) Integer noticeDays) {}
