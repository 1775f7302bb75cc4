package org.villagepoints.award;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.villagepoints.ops.JobLocks;

/**
 * Every minute: posts the batches whose public notice has ended. One instance at a time runs
 * it ({@link JobLocks}); the posting claims batches with SKIP LOCKED anyway, so overlapping
 * runs could never post a batch twice.
 */
@Singleton
@Requires(property = "vp.jobs.enabled", notEquals = "false")
class AwardJob {

  private final AwardPosting posting;
  private final JobLocks locks;

  AwardJob(AwardPosting posting, JobLocks locks) {
    this.posting = posting;
    this.locks = locks;
  }

  @Scheduled(fixedDelay = "60s", initialDelay = "30s")
  void run() {
    locks.runExclusive("award-posting", () -> posting.postDue(Instant.now()));
  }
}
