package org.villagepoints.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A ranking round (擂台赛): months from/to (YYYY-MM), the villages (none = every village of
 * the district) and the weights of the five inputs.
 */
@Serdeable
public record RoundForm(
    @NotBlank @Size(max = 100) String name,
    @NotNull @Pattern(regexp = "\\d{4}-\\d{2}") String fromMonth,
    @NotNull @Pattern(regexp = "\\d{4}-\\d{2}") String toMonth,
    @Nullable List<Long> villageIds,
    @NotNull @Valid Weights weights) {

  /** Relative weights (any scale, at least one above zero). */
  @Serdeable
  public record Weights(@NotNull BigDecimal selfCheck, @NotNull BigDecimal participation,
      @NotNull BigDecimal cleanHousehold, @NotNull BigDecimal pointsPerHousehold,
      @NotNull BigDecimal inspection) {}
}
