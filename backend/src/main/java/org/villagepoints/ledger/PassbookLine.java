package org.villagepoints.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;

/** One line of a household's passbook (积分存折): signed points and the balance after. */
@Serdeable
public record PassbookLine(long entryId, long transferId, long amount, long balanceAfter,
    String kind, String reason, OffsetDateTime occurredAt, OffsetDateTime recordedAt,
    String actor, @Nullable Long reversesTransferId, @Nullable Long reversedByTransferId) {}
