package org.villagepoints.award;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

@Serdeable
public record BatchResponse(long id, long villageId, String title, LocalDate meetingDate,
    String status, @Nullable Integer noticeDays, @Nullable OffsetDateTime noticeStartsAt,
    @Nullable OffsetDateTime noticeEndsAt, @Nullable OffsetDateTime postedAt, long totalPoints,
    List<Item> items) {

  @Serdeable
  public record Item(long id, long householdId, String householdCode, String headName,
      String groupName, long ruleId, int ruleVersion, String ruleName, String category,
      long points, @Nullable String note, String status, @Nullable Long postedPoints,
      @Nullable Long cutPoints, @Nullable String cutReason, @Nullable Long openObjectionId) {}
}
