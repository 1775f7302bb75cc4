package org.villagepoints.shop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;
import java.util.List;

/** A receipt: what was taken, the points used and what is left. */
@Serdeable
public record RedemptionResponse(long id, long householdId, String householdCode,
    String headName, String villageName, long points, long balanceAfter, String method,
    String attendant, OffsetDateTime createdAt, @Nullable OffsetDateTime refundedAt,
    List<Item> items) {

  @Serdeable
  public record Item(long productId, String name, String unit, long quantity, long pricePoints,
      long points) {}
}
