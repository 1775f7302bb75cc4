package org.villagepoints.ledger;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.villagepoints.common.Sql;
import org.villagepoints.ops.JobLocks;

/**
 * Daily at 00:30 Asia/Shanghai: expires last year's remaining points in every village whose
 * expiry date has come. One instance at a time runs it ({@link JobLocks}); the work is
 * idempotent by itself (see {@link ExpiryService#expire}), so a re-run after a failure, or an
 * overlapping run, expires nothing twice.
 */
@Singleton
@Requires(property = "vp.jobs.enabled", notEquals = "false")
class ExpiryJob {

  private static final Logger LOG = LoggerFactory.getLogger(ExpiryJob.class);
  private final ExpiryService expiry;
  private final JobLocks locks;

  ExpiryJob(ExpiryService expiry, JobLocks locks) {
    this.expiry = expiry;
    this.locks = locks;
  }

  @Scheduled(cron = "0 30 0 * * *", zoneId = "Asia/Shanghai")
  void run() {
    locks.runExclusive("points-expiry", this::expireDue);
  }

  private void expireDue() {
    LocalDate today = LocalDate.now(Sql.ZONE);
    for (long village : expiry.villagesDue(today)) {
      long points = expiry.expire(village, today.getYear() - 1);
      if (points > 0) {
        LOG.info("Expired {} points of {} in village {}", points, today.getYear() - 1, village);
      }
    }
  }
}
