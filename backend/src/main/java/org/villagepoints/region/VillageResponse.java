package org.villagepoints.region;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record VillageResponse(long id, String name, String slug, long townId, String townName,
    long households) {}
