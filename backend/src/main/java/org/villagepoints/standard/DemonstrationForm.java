package org.villagepoints.standard;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The year's demonstration villages (示范村), the candidates of sampling acceptance. */
@Serdeable
public record DemonstrationForm(@NotNull List<Long> villageIds) {}
