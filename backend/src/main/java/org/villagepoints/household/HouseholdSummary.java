package org.villagepoints.household;

import io.micronaut.serde.annotation.Serdeable;

/** One line of a village's household list; {@code stars} from the latest rating round. */
@Serdeable
public record HouseholdSummary(long id, String code, String headName, long groupId,
    String groupName, int memberCount, String status, long balance,
    @io.micronaut.core.annotation.Nullable Integer stars) {}
