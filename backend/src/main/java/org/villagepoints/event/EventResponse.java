package org.villagepoints.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;

/**
 * {@code code} is what the check-in QR code carries ({@code VPE1.<event>.<signature>});
 * {@code checkInCode} the 6 digits villagers may type instead. {@code state}: UPCOMING, OPEN
 * or ENDED by the server's clock.
 */
@Serdeable
public record EventResponse(long id, String title, String kind, @Nullable Long ruleId,
    @Nullable String ruleName, @Nullable Long rulePoints, OffsetDateTime startsAt,
    OffsetDateTime endsAt, String state, String code, @Nullable String checkInCode,
    long attendance, @Nullable Long batchId, @Nullable String batchStatus) {}
