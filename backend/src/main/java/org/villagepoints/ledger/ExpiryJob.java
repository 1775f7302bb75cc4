package org.villagepoints.ledger;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.villagepoints.common.Sql;

/**
 * Daily at 00:30 Asia/Shanghai: expires last year's remaining points in every village whose
 * expiry date has come. Idempotent (see {@link ExpiryService#expire}), so it may run on every
 * instance and be re-run after a failure.
 */
@Singleton
@Requires(property = "vp.jobs.enabled", notEquals = "false")
class ExpiryJob {

  private static final Logger LOG = LoggerFactory.getLogger(ExpiryJob.class);
  private final ExpiryService expiry;

  ExpiryJob(ExpiryService expiry) {
    this.expiry = expiry;
  }

  @Scheduled(cron = "0 30 0 * * *", zoneId = "Asia/Shanghai")
  void run() {
    LocalDate today = LocalDate.now(Sql.ZONE);
    for (long village : expiry.villagesDue(today)) {
      long points = expiry.expire(village, today.getYear() - 1);
      if (points > 0) {
        LOG.info("Expired {} points of {} in village {}", points, today.getYear() - 1, village);
      }
    }
  }
}
