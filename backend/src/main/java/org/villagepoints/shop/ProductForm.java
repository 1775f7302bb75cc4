package org.villagepoints.shop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
public record ProductForm(@NotBlank @Size(max = 60) String name,
    @Nullable @Size(max = 10) String unit, @Nullable @Size(max = 30) String category,
    @NotNull @Min(1) @Max(1_000_000) Long pricePoints, @Nullable Boolean active,
    @Nullable @Min(0) @Max(100_000) Integer lowStockThreshold) {}
