package org.villagepoints.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A rule's terms: points may be negative (a deduction); caps are per household and period. */
@Serdeable
public record RuleForm(@NotBlank @Size(max = 30) String category,
    @NotBlank @Size(max = 100) String name,
    @NotNull @Min(-1000) @Max(1000) Long points,
    @Nullable @Pattern(regexp = "NONE|MONTH|QUARTER|YEAR") String capPeriod,
    @Nullable @Min(1) @Max(100_000) Long capPoints,
    @Nullable Boolean evidenceRequired,
    @Nullable Boolean active) {}
