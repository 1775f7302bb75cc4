package org.villagepoints.ledger;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record ReverseRequest(@NotBlank @Size(max = 200) String reason) {}
