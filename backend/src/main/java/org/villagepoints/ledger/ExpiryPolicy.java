package org.villagepoints.ledger;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A village's expiry rule: NONE, or YEARLY (points earned in year Y expire on
 * {@code monthDay} of year Y+1, e.g. "03-31").
 */
@Serdeable
public record ExpiryPolicy(
    @NotNull @Pattern(regexp = "NONE|YEARLY") String expiry,
    @NotNull @Pattern(regexp = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])") String monthDay) {

  public static final ExpiryPolicy NONE = new ExpiryPolicy("NONE", "03-31");

  public boolean yearly() {
    return "YEARLY".equals(expiry);
  }

  /** The day on which points earned in {@code earnedYear} expire. */
  public LocalDate expiresOn(int earnedYear) {
    return MonthDay.parse("--" + monthDay).atYear(earnedYear + 1);
  }
}
