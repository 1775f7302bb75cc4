package org.villagepoints.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The caller and the names of every level of the scope (null where not applicable). */
@Serdeable
public record MeResponse(String username, String displayName, String role,
    @Nullable Long districtId, @Nullable String districtName,
    @Nullable Long townId, @Nullable String townName,
    @Nullable Long villageId, @Nullable String villageName,
    @Nullable Long groupId, @Nullable String groupName,
    @Nullable Long householdId, @Nullable String householdCode,
    @Nullable String householdHeadName) {}
