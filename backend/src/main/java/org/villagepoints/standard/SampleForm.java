package org.villagepoints.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A draw: year of the demonstration list, percent (default 10) and an optional seed. */
@Serdeable
public record SampleForm(@Min(2000) @Max(2100) int year,
    @Nullable @Min(1) @Max(100) Integer percent,
    @Nullable @Min(0) @Max(SampleForm.MAX_SEED) Long seed) {

  /** Seeds stay below 2^53 so that browsers read them exactly. */
  public static final long MAX_SEED = 9_007_199_254_740_991L;
}
