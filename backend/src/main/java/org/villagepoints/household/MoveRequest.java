package org.villagepoints.household;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

@Serdeable
public record MoveRequest(@NotNull Long groupId) {}
