package org.villagepoints.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Outcome of recomputing balances and hash chains from the entries. */
@Serdeable
public record VerifyReport(boolean ok, long accounts, long entries, List<Problem> problems) {

  /**
   * kind: BALANCE_MISMATCH (account balance ≠ Σ entries), RUNNING_BALANCE (balance_after
   * wrong), HASH_MISMATCH (fields changed), CHAIN_BROKEN (prev_hash wrong), SEQUENCE_GAP,
   * HEAD_MISMATCH (account's chain head ≠ newest entry), TRANSFER_UNBALANCED, NEGATIVE_BALANCE.
   */
  @Serdeable
  public record Problem(long accountId, @Nullable Long entryId, String kind) {}
}
