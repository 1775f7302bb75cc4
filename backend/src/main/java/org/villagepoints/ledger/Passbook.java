package org.villagepoints.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/** A page of passbook lines, newest first, with the balance and points about to expire. */
@Serdeable
public record Passbook(long householdId, long balance, List<PassbookLine> items, int page,
    int size, long total, @Nullable Expiring expiring) {

  @Serdeable
  public record Expiring(int earnedYear, long points, LocalDate expiresOn) {}
}
