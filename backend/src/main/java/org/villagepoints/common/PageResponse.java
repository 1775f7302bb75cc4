package org.villagepoints.common;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of a list; {@code page} counts from 0. */
@Serdeable
public record PageResponse<T>(List<T> items, int page, int size, long total) {}
