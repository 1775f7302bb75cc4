package org.villagepoints.dashboard;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/** One month of a trend: points moved and households with an award that month. */
@Serdeable
public record MonthFigures(LocalDate month, long pointsIssued, long pointsDeducted,
    long pointsRedeemed, long participants) {}
