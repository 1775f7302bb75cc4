package org.villagepoints.standard;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Which year a self-check is for. */
@Serdeable
public record YearForm(@Min(2000) @Max(2100) int year) {}
