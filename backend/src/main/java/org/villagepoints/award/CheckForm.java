package org.villagepoints.award;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Serdeable
public record CheckForm(@NotNull @Pattern(regexp = "PASS|RETURN") String decision,
    @Nullable @Size(max = 200) String reason) {}
