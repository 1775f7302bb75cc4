package org.villagepoints.ops;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the read replica may serve reads now: measured by {@link ReplicaLag} at most every
 * {@code vp.replica.check-seconds} (one thread measures; the others use the last answer
 * meanwhile, so a slow or dead replica costs one request a 2 s connection timeout, not all).
 */
@Singleton
public class ReplicaStatus {

  /** {@code state}: NOT_CONFIGURED, UP, LAGGING (over the bound) or DOWN (with its reason). */
  @Serdeable
  public record Snapshot(String state, @Nullable Double lagSeconds, @Nullable String problem) {
    public boolean usable() {
      return "UP".equals(state);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(ReplicaStatus.class);
  private static final Snapshot NOT_CONFIGURED = new Snapshot("NOT_CONFIGURED", null, null);

  private final Optional<ReplicaLag> lag;
  private final ReplicaSettings settings;
  private final boolean configured;
  private final ReentrantLock measuring = new ReentrantLock();
  private volatile Snapshot last;
  private volatile long measuredAt;

  ReplicaStatus(Optional<ReplicaLag> lag, ReplicaSettings settings,
      @Value("${datasources.replica.url:}") String replicaUrl) {
    this.lag = lag;
    this.settings = settings;
    this.configured = !replicaUrl.isBlank() && lag.isPresent();
  }

  public Snapshot current() {
    if (!configured) {
      return NOT_CONFIGURED;
    }
    Snapshot known = last;
    boolean fresh = known != null
        && System.nanoTime() - measuredAt < (long) (settings.checkSeconds() * 1e9);
    if (fresh || (known != null && !measuring.tryLock())) {
      return known;
    }
    if (known == null) {
      measuring.lock();
    }
    try {
      return measure();
    } finally {
      measuring.unlock();
    }
  }

  /** A replica connection failed while serving: stop using it until the next measurement. */
  void markDown(String problem) {
    if (last == null || last.usable()) {
      LOG.warn("Read replica is DOWN: {}", problem);
    }
    remember(new Snapshot("DOWN", null, problem));
  }

  private Snapshot measure() {
    Snapshot now;
    try {
      double seconds = lag.orElseThrow().seconds();
      double shown = Double.isInfinite(seconds) ? -1 : Math.round(seconds * 10) / 10.0;
      now = new Snapshot(seconds <= settings.maxLagSeconds() ? "UP" : "LAGGING",
          Double.isInfinite(seconds) ? null : shown, null);
    } catch (Exception e) {
      now = new Snapshot("DOWN", null, e.getMessage());
    }
    Snapshot before = last;
    if (before == null || !before.state().equals(now.state())) {
      LOG.info("Read replica is {}{}", now.state(),
          now.problem() == null ? " (lag " + now.lagSeconds() + " s)" : ": " + now.problem());
    }
    remember(now);
    return now;
  }

  private void remember(Snapshot snapshot) {
    last = snapshot;
    measuredAt = System.nanoTime();
  }
}
