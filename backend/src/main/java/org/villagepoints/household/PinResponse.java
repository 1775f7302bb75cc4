package org.villagepoints.household;

import io.micronaut.serde.annotation.Serdeable;

/** A new villager PIN, shown once: only its hash is kept. */
@Serdeable
public record PinResponse(String username, String pin) {}
