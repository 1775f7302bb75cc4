package org.villagepoints.rating;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

@Serdeable
public record RoundForm(@NotBlank @Size(max = 60) String name, @NotNull LocalDate periodStart,
    @NotNull LocalDate periodEnd) {}
