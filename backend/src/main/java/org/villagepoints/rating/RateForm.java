package org.villagepoints.rating;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;

@Serdeable
public record RateForm(@NotEmpty Map<String, Integer> scores, @Nullable @Size(max = 300) String note,
    @Nullable LocalDate followUpOn) {}
