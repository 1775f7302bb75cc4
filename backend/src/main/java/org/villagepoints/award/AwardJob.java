package org.villagepoints.award;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Every minute: posts the batches whose public notice has ended. Safe on every instance. */
@Singleton
@Requires(property = "vp.jobs.enabled", notEquals = "false")
class AwardJob {

  private final AwardPosting posting;

  AwardJob(AwardPosting posting) {
    this.posting = posting;
  }

  @Scheduled(fixedDelay = "60s", initialDelay = "30s")
  void run() {
    posting.postDue(Instant.now());
  }
}
