package org.villagepoints.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

/**
 * A configured replica that cannot be reached: the service starts anyway, is healthy, and
 * serves every read from the primary; a replica that looked fine but refuses the connection
 * when a read needs it is bypassed for that read too.
 */
@MicronautTest(transactional = false)
class ReplicaUnreachableTest extends ApiTest {

  @Inject Sql sql;
  @Inject FakeReplicaLag lag;

  @Override
  protected Map<String, String> extraProperties() {
    // Nothing listens on port 9 of loopback (discard): every connection is refused at once.
    return Map.of("datasources.replica.url", "jdbc:postgresql://127.0.0.1:9/village_points",
        "datasources.replica.username", "nobody", "test.fake-replica-lag", "true",
        "vp.replica.check-seconds", "0");
  }

  @Test
  void aReadWhoseReplicaConnectionFailsIsServedByThePrimary() {
    lag.seconds = 0; // the measurement says UP, the connection then fails
    long district = sql.number("select district_id from villages where id = ?",
        new Fixture(sql).village("lixin"));
    String token = api().login("district", "demo123");
    Res res = api().get("/api/districts/" + district + "/dashboard", token);
    assertThat(res.status()).as(res.body()).isEqualTo(200);
    assertThat(res.json().path("readSource").asText()).isEqualTo("primary");
    assertThat(res.json().path("name").asText()).isEqualTo("江源区");
    assertThat(api().get("/health", null).status()).isEqualTo(200);
  }
}
