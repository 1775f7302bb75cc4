package org.villagepoints.award;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record ObjectionForm(@NotBlank @Size(max = 500) String reason) {}
