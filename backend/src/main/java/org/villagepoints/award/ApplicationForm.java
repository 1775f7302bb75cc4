package org.villagepoints.award;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

@Serdeable
public record ApplicationForm(@NotNull Long ruleId, @NotNull LocalDate occurredOn,
    @NotBlank @Size(max = 500) String description) {}
