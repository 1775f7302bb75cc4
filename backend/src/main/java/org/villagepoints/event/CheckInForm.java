package org.villagepoints.event;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record CheckInForm(@NotBlank @Size(max = 100) String code) {}
