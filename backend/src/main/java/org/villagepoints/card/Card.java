package org.villagepoints.card;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record Card(long householdId, String serial, String payload) {}
