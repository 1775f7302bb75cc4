package org.villagepoints.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A village's yearly self-check with its answers (each a copy of the item as answered).
 * {@code counted} says whether the answer adds its weight to the score, as reviewed.
 */
@Serdeable
public record SelfCheckResponse(long id, long villageId, String villageName, int year,
    String status, @Nullable Integer score, int maxScore, String formula,
    @Nullable String submittedBy, @Nullable OffsetDateTime submittedAt,
    @Nullable String reviewedBy, @Nullable OffsetDateTime reviewedAt,
    @Nullable String reviewNote, List<Answer> answers) {

  @Serdeable
  public record Answer(long id, long itemId, String kind, int position, String title,
      String description, String evidence, int weight, @Nullable String link,
      @Nullable BigDecimal threshold, @Nullable Boolean met, String note,
      @Nullable Boolean townAgrees, String townNote, List<Long> photoIds,
      @Nullable Suggestion suggestion, @Nullable Boolean counted) {}

  /** The score rule in words, shown beside every score. */
  public static final String FORMULA = "得分 = Σ“有”项中审核后认定已做到的分值 + Σ“无”项中审核后认定守住"
      + "（全年未发生）的分值；镇里同意村里的自评则按自评，不同意则结论反过来。满分 = 全部条目分值之和。";
}
