package org.villagepoints.shop;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of the per-donor report. */
@Serdeable
public record DonorTotal(String donorName, String donorType, String kind, int donations,
    BigDecimal valueYuan, LocalDate lastOn) {}
