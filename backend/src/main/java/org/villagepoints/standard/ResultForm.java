package org.villagepoints.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The acceptance result of one sampled village. */
@Serdeable
public record ResultForm(@NotNull @Pattern(regexp = "PENDING|PASSED|FAILED") String result,
    @Nullable @Size(max = 2000) String note) {}
