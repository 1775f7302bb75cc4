package org.villagepoints.card;

import io.micronaut.serde.annotation.Serdeable;

/** What an attendant sees after scanning a card. */
@Serdeable
public record CardHolder(String serial, String status, long householdId, String householdCode,
    String headName, String groupName, long villageId, String villageName, long balance,
    @io.micronaut.core.annotation.Nullable Integer stars) {}
