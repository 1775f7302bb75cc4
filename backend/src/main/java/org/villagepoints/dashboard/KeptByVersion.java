package org.villagepoints.dashboard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values computed for a village, a period and a day, each kept with the village's version
 * (V017) it was computed at; at most {@code capacity}, the least recently used dropped first
 * (0 keeps none). Safe for concurrent use.
 *
 * @param <V> what is kept
 */
final class KeptByVersion<V> {

  /** A kept value and the version it was computed at. */
  record Entry<V>(long version, V value) {}

  private record Key(long village, LocalDate from, LocalDate to, LocalDate today) {}

  private final int capacity;
  private final Map<Key, Entry<V>> kept;

  KeptByVersion(int capacity) {
    this.capacity = capacity;
    this.kept = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Entry<V>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** What is kept for the village, period and day, at whatever version; null if nothing. */
  Entry<V> get(long village, Period period, LocalDate today) {
    synchronized (kept) {
      return kept.get(new Key(village, period.from(), period.to(), today));
    }
  }

  /** Keeps a value computed at the version (none: not kept). */
  void keep(long village, Period period, LocalDate today, Long version, V value) {
    if (version == null || capacity <= 0) {
      return;
    }
    Key key = new Key(village, period.from(), period.to(), today);
    synchronized (kept) { // versions only grow: keep the newer of two values computed at once
      kept.merge(key, new Entry<>(version, value),
          (a, b) -> a.version() > b.version() ? a : b);
    }
  }
}
