package org.villagepoints.ledger;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Points may be negative (a manual deduction); never zero. */
@Serdeable
public record AdjustmentRequest(@NotNull Long points, @NotBlank @Size(max = 200) String reason) {}
