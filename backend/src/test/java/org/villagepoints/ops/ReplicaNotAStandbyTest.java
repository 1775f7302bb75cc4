package org.villagepoints.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.TestApi.Res;
import org.villagepoints.support.TestDatabase;

/** The real lag measurement refuses a "replica" that is an ordinary database, not a standby. */
@MicronautTest(transactional = false)
class ReplicaNotAStandbyTest extends ApiTest {

  @Inject ReplicaStatus status;

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of("datasources.replica.url", TestDatabase.get().freshDatabaseProperties()
            .get("datasources.default.url").toString(),
        "datasources.replica.username", TestDatabase.get().user(),
        "datasources.replica.password", TestDatabase.get().password(),
        "vp.replica.check-seconds", "0");
  }

  @Test
  void anOrdinaryDatabaseIsReportedDownAndNotRead() {
    ReplicaStatus.Snapshot now = status.current();
    assertThat(now.state()).isEqualTo("DOWN");
    assertThat(now.problem()).contains("not a standby");
    Res health = api().get("/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("replica").asText()).isEqualTo("DOWN");
  }
}
