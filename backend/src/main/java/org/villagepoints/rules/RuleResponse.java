package org.villagepoints.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record RuleResponse(long id, String category, String name, long points, String capPeriod,
    @Nullable Long capPoints, boolean evidenceRequired, boolean active, int version,
    long versionId, @Nullable Long templateRuleId) {}
