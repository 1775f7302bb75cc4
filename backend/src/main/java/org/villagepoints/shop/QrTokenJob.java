package org.villagepoints.shop;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.villagepoints.ops.JobLocks;

/**
 * Hourly: deletes phone QR codes that expired more than a day ago. One instance at a time
 * ({@link JobLocks}); the delete is idempotent (a second run finds nothing to delete).
 */
@Singleton
@Requires(property = "vp.jobs.enabled", notEquals = "false")
class QrTokenJob {

  private final QrTokens qr;
  private final JobLocks locks;

  QrTokenJob(QrTokens qr, JobLocks locks) {
    this.qr = qr;
    this.locks = locks;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "5m")
  void run() {
    locks.runExclusive("qr-token-purge", qr::purge);
  }
}
