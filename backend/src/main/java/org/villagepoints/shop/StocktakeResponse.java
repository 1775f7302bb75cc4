package org.villagepoints.shop;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record StocktakeResponse(int changed) {}
