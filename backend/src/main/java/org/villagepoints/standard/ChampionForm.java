package org.villagepoints.standard;

import io.micronaut.serde.annotation.Serdeable;

/** The round's 擂主村. */
@Serdeable
public record ChampionForm(long villageId) {}
