package org.villagepoints.shop;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Counted quantities; the difference to the book becomes a STOCKTAKE movement. */
@Serdeable
public record StocktakeForm(@NotBlank @Size(max = 200) String reason,
    @NotEmpty @Size(max = 500) List<@Valid Count> items) {

  @Serdeable
  public record Count(@NotNull Long productId, @NotNull @Min(0) @Max(1_000_000) Long counted) {}
}
