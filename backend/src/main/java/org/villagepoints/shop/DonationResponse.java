package org.villagepoints.shop;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record DonationResponse(long id) {}
