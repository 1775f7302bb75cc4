package org.villagepoints.shop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One donation or purchase as recorded: its goods and its voucher photos. */
@Serdeable
public record DonationRecord(long id, String kind, String donorName, String donorType,
    LocalDate occurredOn, BigDecimal valueYuan, @Nullable String note, String recordedBy,
    OffsetDateTime recordedAt, List<Line> items, List<VoucherResponse> vouchers) {

  @Serdeable
  public record Line(long productId, String name, String unit, long quantity) {}
}
