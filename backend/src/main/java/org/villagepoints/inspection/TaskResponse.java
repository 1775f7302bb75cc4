package org.villagepoints.inspection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A rectification task. {@code title} is the finding's description for FINDING tasks;
 * {@code overdue} is true while the task is OPEN after its deadline (Asia/Shanghai dates).
 * {@code findingPhoto} and {@code donePhoto} say whether the photos exist.
 */
@Serdeable
public record TaskResponse(
    long id,
    long villageId,
    String villageName,
    String townName,
    String kind,
    String title,
    String detail,
    @Nullable Long householdId,
    @Nullable String householdCode,
    @Nullable String householdHead,
    @Nullable Long findingId,
    @Nullable Long inspectionId,
    @Nullable String category,
    @Nullable String severity,
    @Nullable LocalDate visitedOn,
    String owner,
    @Nullable Long ownerUserId,
    LocalDate deadline,
    String status,
    boolean overdue,
    boolean findingPhoto,
    boolean donePhoto,
    @Nullable String doneNote,
    @Nullable String doneBy,
    @Nullable OffsetDateTime doneAt,
    @Nullable String verifiedBy,
    @Nullable OffsetDateTime verifiedAt,
    @Nullable String reviewNote,
    @Nullable String reopenedBy,
    @Nullable OffsetDateTime reopenedAt,
    String createdBy,
    OffsetDateTime createdAt) {}
