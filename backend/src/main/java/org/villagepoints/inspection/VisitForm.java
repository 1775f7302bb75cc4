package org.villagepoints.inspection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A visit as the town or district records it: kind (ROUTINE 巡检, UNANNOUNCED 暗访, FOLLOW_UP
 * 回访, which may name the visit it follows up), the day, notes, and the problems found. Each
 * finding becomes a rectification task; owner and deadline default when left out.
 */
@Serdeable
public record VisitForm(
    @NotNull @Pattern(regexp = "ROUTINE|UNANNOUNCED|FOLLOW_UP") String kind,
    @NotNull LocalDate visitedOn,
    @Nullable @Size(max = 2000) String notes,
    @Nullable Long followsId,
    @Nullable @Size(max = 50) List<@Valid @NotNull Finding> findings) {

  /** One problem found on the visit; its task's owner and deadline may be given here. */
  @Serdeable
  public record Finding(
      @NotNull @Pattern(regexp = FindingCategory.PATTERN) String category,
      @NotNull @Pattern(regexp = "LOW|MEDIUM|HIGH") String severity,
      @NotBlank @Size(max = 500) String description,
      @Nullable @Size(max = 100) String owner,
      @Nullable Long ownerUserId,
      @Nullable LocalDate deadline) {}
}
