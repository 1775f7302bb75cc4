package org.villagepoints.award;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record IdOnly(long id) {}
