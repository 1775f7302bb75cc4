package org.villagepoints.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service's own Prometheus figures (besides Micronaut's http_server_requests, Hikari's
 * pool and the JVM): {@code vp_ledger_transfers_total{kind}} and
 * {@code vp_redemptions_total{method}} count committed work only (a rolled-back posting
 * counts nothing), {@code vp_job_runs_total{job,outcome}} and {@code vp_job_seconds{job}}
 * the scheduled jobs (outcome ran, skipped: another instance held the job, or failed).
 * With metrics switched off ({@code micronaut.metrics.enabled: false}) there is no registry
 * and nothing is counted; the service runs as before.
 */
@Singleton
public class OpsMetrics {

  @Nullable private final MeterRegistry registry;
  private final TransactionOperations<Connection> transactions;

  OpsMetrics(@Nullable MeterRegistry registry,
      TransactionOperations<Connection> transactions) {
    this.registry = registry;
    this.transactions = transactions;
  }

  /** Counts posted transfers by kind once the surrounding transaction commits. */
  public void transfersPosted(Map<String, Long> byKind) {
    afterCommit(() -> byKind.forEach((kind, n) -> Counter.builder("vp.ledger.transfers")
        .description("Ledger transfers committed, by kind").tag("kind", kind)
        .register(registry).increment(n)));
  }

  /** Counts a redemption at the counter (method QR or CARD) once it commits. */
  public void redeemed(String method) {
    afterCommit(() -> Counter.builder("vp.redemptions")
        .description("Redemptions committed at the shop counter").tag("method", method)
        .register(registry).increment());
  }

  void jobRun(String job, String outcome, long nanos) {
    if (registry == null) {
      return;
    }
    Counter.builder("vp.job.runs").description("Scheduled job runs by outcome")
        .tag("job", job).tag("outcome", outcome).register(registry).increment();
    if (!"skipped".equals(outcome)) {
      Timer.builder("vp.job").description("Time of scheduled job runs that did the work")
          .tag("job", job).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  private void afterCommit(Runnable count) {
    if (registry == null) {
      return;
    }
    var status = transactions.findTransactionStatus();
    if (status.isEmpty()) {
      count.run();
      return;
    }
    status.get().registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(Status completion) {
        if (completion == Status.COMMITTED) {
          count.run();
        }
      }
    });
  }
}
