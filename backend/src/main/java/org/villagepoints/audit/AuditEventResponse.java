package org.villagepoints.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;

@Serdeable
public record AuditEventResponse(long id, OffsetDateTime occurredAt, String actorUsername,
    String action, String targetType, @Nullable String targetId, @Nullable Long villageId,
    @Nullable String villageName, String details) {}
