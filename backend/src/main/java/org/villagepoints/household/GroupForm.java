package org.villagepoints.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record GroupForm(@NotBlank @Size(max = 50) String name,
    @Nullable @Size(max = 50) String leaderName) {}
