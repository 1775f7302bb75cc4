package org.villagepoints.shop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A product; {@code photoUrl} carries the photo's version, null without a photo. */
@Serdeable
public record ProductResponse(long id, long villageId, String name, String unit, String category,
    long pricePoints, long stock, boolean active, int lowStockThreshold, boolean lowStock,
    @Nullable String photoUrl) {}
