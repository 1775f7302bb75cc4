package org.villagepoints.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The rule to award attendance under; the event's own rule when absent. */
@Serdeable
public record EventBatchForm(@Nullable Long ruleId) {}
