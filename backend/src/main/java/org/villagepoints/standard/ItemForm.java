package org.villagepoints.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * One checklist item as the district writes it. {@code link} names a platform figure the
 * self-check suggests from; {@code threshold} is in percent for rates, points for points per
 * household, and unused for NOTICE_EVERY_MONTH.
 */
@Serdeable
public record ItemForm(
    @NotNull @Pattern(regexp = "YOU|WU") String kind,
    @Min(0) @Max(999) int position,
    @NotBlank @Size(max = 200) String title,
    @Nullable @Size(max = 2000) String description,
    @Nullable @Size(max = 1000) String evidence,
    @Min(0) @Max(1000) int weight,
    @Nullable @Pattern(regexp = "PARTICIPATION_RATE|CLEAN_HOUSEHOLD_RATE|POINTS_PER_HOUSEHOLD"
        + "|NOTICE_EVERY_MONTH") String link,
    @Nullable BigDecimal threshold) {}
