package org.villagepoints.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What the platform's own figures say about a linked item for the year: the value (percent
 * for rates, points, or months with a notice), the threshold, whether it is reached, and a
 * sentence for the form. Only a suggestion: the committee answers, the town reviews.
 */
@Serdeable
public record Suggestion(String figure, double value, @Nullable Double threshold,
    boolean meets, String text) {}
