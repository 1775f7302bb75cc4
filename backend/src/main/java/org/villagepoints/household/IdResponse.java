package org.villagepoints.household;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record IdResponse(long id) {}
