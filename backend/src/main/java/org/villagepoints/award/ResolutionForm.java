package org.villagepoints.award;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Serdeable
public record ResolutionForm(@NotNull @Pattern(regexp = "KEEP|DROP") String resolution) {}
