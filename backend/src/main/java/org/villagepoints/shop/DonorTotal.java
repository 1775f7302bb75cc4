package org.villagepoints.shop;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One line of the per-donor report, with the voucher photos of that donor's records. */
@Serdeable
public record DonorTotal(String donorName, String donorType, String kind, int donations,
    BigDecimal valueYuan, LocalDate lastOn, List<VoucherResponse> vouchers) {}
