package org.villagepoints.region;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record GroupResponse(long id, String name, @Nullable String leaderName, long households) {}
