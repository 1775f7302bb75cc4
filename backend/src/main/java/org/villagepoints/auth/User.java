package org.villagepoints.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("users")
public record User(
    @Id @GeneratedValue @Nullable Long id,
    String username,
    String passwordHash,
    String displayName,
    String role,
    @Nullable Long districtId,
    @Nullable Long townId,
    @Nullable Long villageId,
    @Nullable Long groupId,
    @Nullable Long householdId,
    boolean enabled) {}
