package org.villagepoints.shop;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record ProductResponse(long id, long villageId, String name, String unit, String category,
    long pricePoints, long stock, boolean active, int lowStockThreshold, boolean lowStock) {}
