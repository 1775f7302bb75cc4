package org.villagepoints.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The committee's answer to one item: met (有: done; 无: held) or not, and a note. */
@Serdeable
public record AnswerForm(@NotNull Boolean met, @Nullable @Size(max = 2000) String note) {}
