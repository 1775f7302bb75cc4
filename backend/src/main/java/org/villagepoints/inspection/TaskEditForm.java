package org.villagepoints.inspection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Changes to a task that is not yet verified: owner (a name or role, or a staff user of the
 * village; both left out: unchanged), deadline (left out: unchanged), and for weak points and
 * household plans their title and detail (a finding's text is the visit's).
 */
@Serdeable
public record TaskEditForm(
    @Nullable @Size(max = 100) String owner,
    @Nullable Long ownerUserId,
    @Nullable LocalDate deadline,
    @Nullable @Size(min = 1, max = 200) String title,
    @Nullable @Size(max = 2000) String detail) {}
