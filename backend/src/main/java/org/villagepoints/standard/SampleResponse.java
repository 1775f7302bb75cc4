package org.villagepoints.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;
import java.util.List;

/** A recorded draw and the result per sampled village (in draw order). */
@Serdeable
public record SampleResponse(long id, int year, long seed, int percent, List<Long> candidates,
    List<Long> drawn, String algorithm, String createdBy, OffsetDateTime createdAt,
    List<Result> results) {

  @Serdeable
  public record Result(long villageId, String villageName, String townName, int position,
      String result, String note, @Nullable String recordedBy,
      @Nullable OffsetDateTime recordedAt) {}

  public static final String ALGORITHM = "候选村 id 升序排列；用 java.util.SplittableRandom(种子) 做"
      + " Fisher–Yates 洗牌（i 从 n−1 到 1：j = nextInt(i+1)，交换第 i 和第 j 个）；取前 k 个，"
      + "k = max(1, ⌈n × 比例 ÷ 100⌉)。";

  /** The redraw check: the draw recomputed from the recorded seed and candidates. */
  @Serdeable
  public record Redraw(long seed, List<Long> candidates, List<Long> recorded,
      List<Long> recomputed, boolean matches, String algorithm) {}
}
