package org.villagepoints.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;

/** A posted transfer with the balances it left on both accounts. */
@Serdeable
public record PostedTransfer(long id, long villageId, String kind, long fromAccountId,
    long toAccountId, long amount, String reason, OffsetDateTime occurredAt,
    OffsetDateTime recordedAt, long fromBalanceAfter, long toBalanceAfter,
    @Nullable Long reversesTransferId) {}
