package org.villagepoints.event;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

@Serdeable
public record EventForm(@NotBlank @Size(max = 100) String title, @NotNull Long ruleId,
    @NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt) {}
