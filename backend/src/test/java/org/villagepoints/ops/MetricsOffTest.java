package org.villagepoints.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

/** An operator may switch metrics off: the service then starts and posts as before. */
@MicronautTest(transactional = false)
@Property(name = "micronaut.metrics.enabled", value = "false")
class MetricsOffTest extends ApiTest {

  @Inject Sql sql;
  @Inject JobLocks locks;

  @Test
  void withMetricsOffPostingsAndJobsStillRunAndNoMetricsAreServed() {
    Fixture f = new Fixture(sql);
    long household = f.household("ailin", "H001");
    String committee = api().login("ailin-committee", "demo123");
    Res posted = api().post("/api/households/" + household + "/adjustments",
        Map.of("points", 5, "reason", "指标关闭"), committee,
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    boolean[] ran = {false};
    locks.runExclusive("metrics-off-job", () -> ran[0] = true);
    assertThat(ran[0]).isTrue();
    // no metrics are served (the path falls to the front end's page like any unknown one)
    Res scrape = api().send("GET", "/prometheus", null, null, null, Map.of("Accept",
        "text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
    assertThat(scrape.body()).doesNotContain("# TYPE").doesNotContain("vp_ledger_transfers");
  }
}
