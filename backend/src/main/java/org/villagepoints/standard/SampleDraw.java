package org.villagepoints.standard;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The documented sampling algorithm (抽查), reproducible by anyone from the seed and the
 * candidate village ids: sort the ids ascending; with {@code new SplittableRandom(seed)} run
 * Fisher–Yates from the last position down (for i = n−1 … 1: j = nextInt(i + 1), swap i and
 * j); take the first {@code size} ids. Size = max(1, ⌈n × percent ÷ 100⌉), at most n.
 */
public final class SampleDraw {

  public static int size(int candidates, int percent) {
    return Math.min(candidates, Math.max(1, (candidates * percent + 99) / 100));
  }

  public static List<Long> draw(long seed, List<Long> candidates, int size) {
    List<Long> ids = new ArrayList<>(candidates);
    ids.sort(null);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = ids.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Long t = ids.get(i);
      ids.set(i, ids.get(j));
      ids.set(j, t);
    }
    return List.copyOf(ids.subList(0, Math.min(size, ids.size())));
  }

  private SampleDraw() {}
}
