package org.villagepoints.inspection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A task that does not come from a finding: a weak point of the village (WEAK_POINT, 短板弱项)
 * or a plan for one household (HOUSEHOLD_PLAN, 一户一策, names the household). Deadline
 * defaults to 30 days from today.
 */
@Serdeable
public record TaskForm(
    @NotNull @Pattern(regexp = "WEAK_POINT|HOUSEHOLD_PLAN") String kind,
    @NotBlank @Size(max = 200) String title,
    @Nullable @Size(max = 2000) String detail,
    @Nullable Long householdId,
    @NotBlank @Size(max = 100) String owner,
    @Nullable Long ownerUserId,
    @Nullable LocalDate deadline) {}
