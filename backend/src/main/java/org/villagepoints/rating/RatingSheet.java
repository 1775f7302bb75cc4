package org.villagepoints.rating;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A village's score sheet: areas scored 0–100 with weights; the weighted total maps to stars
 * by bands (highest first), stars to points; below {@code flagBelow} a household is flagged
 * for rectification.
 */
@Serdeable
public record RatingSheet(@NotEmpty @Size(max = 12) List<@Valid Area> areas,
    @NotEmpty @Size(max = 5) List<@Valid Band> bands,
    @NotNull Map<String, Long> starPoints,
    @NotNull @Min(0) @Max(100) Integer flagBelow) {

  @Serdeable
  public record Area(@NotBlank @Pattern(regexp = "[a-z_]{2,20}") String key,
      @NotBlank @Size(max = 20) String name, @NotNull @Min(1) @Max(100) Integer weight) {}

  @Serdeable
  public record Band(@NotNull @Min(0) @Max(100) Integer min, @NotNull @Min(1) @Max(5) Integer stars) {}

  public static final RatingSheet DEFAULT = new RatingSheet(
      List.of(new Area("yard", "庭院", 25), new Area("indoors", "室内", 20),
          new Area("kitchen", "厨房", 15), new Area("toilet", "卫生厕所", 15),
          new Area("around", "房前屋后", 15), new Area("conduct", "家风家教", 10)),
      List.of(new Band(90, 3), new Band(80, 2), new Band(70, 1)),
      Map.of("1", 2L, "2", 5L, "3", 10L), 60);

  /** Weighted total, rounded; every area must be scored 0–100. */
  public int total(Map<String, Integer> scores) {
    long sum = 0;
    long weights = 0;
    for (Area a : areas) {
      Integer s = scores.get(a.key());
      if (s == null || s < 0 || s > 100) {
        throw new IllegalArgumentException(a.name());
      }
      sum += (long) s * a.weight();
      weights += a.weight();
    }
    return (int) Math.round((double) sum / weights);
  }

  public int stars(int total) {
    return bands.stream().filter(b -> total >= b.min()).mapToInt(Band::stars).max().orElse(0);
  }
}
