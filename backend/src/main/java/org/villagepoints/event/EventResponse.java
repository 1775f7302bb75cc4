package org.villagepoints.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;

/** {@code code} is what the check-in QR code carries. */
@Serdeable
public record EventResponse(long id, String title, long ruleId, OffsetDateTime startsAt,
    OffsetDateTime endsAt, String code, long attendance, @Nullable Long batchId) {}
