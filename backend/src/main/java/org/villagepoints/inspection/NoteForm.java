package org.villagepoints.inspection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Notes of the workflow steps. */
public final class NoteForm {

  private NoteForm() {}

  /** The committee's note on what was done (required). */
  @Serdeable
  public record Done(@NotBlank @Size(max = 1000) String note) {}

  /** The town's or district's confirmation, with an optional note. */
  @Serdeable
  public record Verify(@Nullable @Size(max = 1000) String note) {}

  /** Back to OPEN: why (required), and optionally a new deadline. */
  @Serdeable
  public record Reopen(@NotBlank @Size(max = 1000) String note, @Nullable LocalDate deadline) {}
}
