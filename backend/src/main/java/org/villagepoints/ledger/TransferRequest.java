package org.villagepoints.ledger;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * One movement to post: {@code amount} (> 0) points from one account to another of the same
 * village. {@code sourceType}/{@code sourceId} name what produced it (rule version, award
 * item, redemption...).
 */
public record TransferRequest(long villageId, TransferKind kind, long fromAccountId,
    long toAccountId, long amount, String reason, Instant occurredAt,
    @Nullable String sourceType, @Nullable String sourceId, @Nullable Long reversesTransferId) {

  public static TransferRequest of(long villageId, TransferKind kind, long from, long to,
      long amount, String reason, Instant occurredAt, String sourceType, String sourceId) {
    return new TransferRequest(villageId, kind, from, to, amount, reason, occurredAt, sourceType,
        sourceId, null);
  }
}
