package org.villagepoints.award;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A meeting's batch: the items the committee reviewed, one household and rule each. */
@Serdeable
public record BatchForm(@NotBlank @Size(max = 100) String title, @NotNull LocalDate meetingDate,
    @Nullable @Size(max = 500) String attendees,
    @NotEmpty @Size(max = 2000) List<@Valid Item> items) {

  @Serdeable
  public record Item(@NotNull Long householdId, @NotNull Long ruleId,
      @Nullable @Size(max = 200) String note, @Nullable @Size(max = 500) String evidence,
      @Nullable OffsetDateTime occurredAt, @Nullable Long applicationId) {}
}
