package org.villagepoints.roster;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Outcome of a roster import. {@code committed} is false on a dry run or when any row has an
 * error: then nothing was written.
 */
@Serdeable
public record ImportResult(int rows, int created, int updated, int unchanged, long openingPoints,
    boolean committed, List<RowError> errors) {

  @Serdeable
  public record RowError(int row, String column, String message) {}
}
