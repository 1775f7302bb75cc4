package org.villagepoints.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The town's review: per answer agree or disagree (a disagreement needs a note), then
 * APPROVE (every answer reviewed; the score is computed) or RETURN (a note says why).
 */
@Serdeable
public record ReviewForm(@NotNull String decision, @Nullable @Size(max = 2000) String note,
    @NotNull List<@Valid Item> items) {

  @Serdeable
  public record Item(long answerId, @NotNull Boolean agree,
      @Nullable @Size(max = 2000) String note) {}
}
