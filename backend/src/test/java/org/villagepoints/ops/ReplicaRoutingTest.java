package org.villagepoints.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;
import org.villagepoints.support.TestDatabase;

/**
 * Reads that may be a little stale (dashboards, exports, ranking, notice board) come from the
 * replica while its lag is within the bound, and from the primary when it lags or is down.
 * The "replica" is a second database that this test changes (a district and a village renamed),
 * so every answer shows which server gave it.
 */
@MicronautTest(transactional = false)
class ReplicaRoutingTest extends ApiTest {

  private static final String REPLICA_DISTRICT = "副本区";
  private static final String REPLICA_VILLAGE = "副本村";
  @Inject FakeReplicaLag lag;
  @Inject Sql sql;
  private String replicaUrl;
  private String district;
  private long districtId;
  private long villageId;

  @Override
  protected Map<String, String> extraProperties() {
    replicaUrl = TestDatabase.get().freshDatabaseProperties().get("datasources.default.url")
        .toString();
    Map<String, String> props = new HashMap<>();
    props.put("datasources.replica.url", replicaUrl);
    props.put("datasources.replica.username", TestDatabase.get().user());
    props.put("datasources.replica.password", TestDatabase.get().password());
    props.put("test.fake-replica-lag", "true");
    props.put("vp.replica.check-seconds", "0");
    return props;
  }

  @BeforeAll
  void fillTheReplica() throws SQLException {
    Fixture f = new Fixture(sql);
    villageId = f.village("lixin");
    districtId = sql.number("select district_id from villages where id = ?", villageId);
    try (Connection c = DriverManager.getConnection(replicaUrl, TestDatabase.get().user(),
        TestDatabase.get().password()); Statement s = c.createStatement()) {
      s.executeUpdate("update districts set name = '" + REPLICA_DISTRICT + "' where id = "
          + districtId);
      s.executeUpdate("update villages set name = '" + REPLICA_VILLAGE + "' where id = "
          + villageId);
    }
    district = api().login("district", "demo123");
  }

  private Res dashboard() {
    return api().get("/api/districts/" + districtId + "/dashboard", district);
  }

  @Test
  void dashboardsExportsAndRankingReadTheReplicaWhileItsLagIsWithinTheBound() {
    lag.down = false;
    lag.seconds = 0.4;
    Res res = dashboard();
    assertThat(res.status()).as(res.body()).isEqualTo(200);
    JsonNode body = res.json();
    assertThat(body.path("name").asText()).isEqualTo(REPLICA_DISTRICT);
    assertThat(body.path("readSource").asText()).isEqualTo("replica");
    assertThat(body.path("replicaLagSeconds").asDouble()).isEqualTo(0.4);
    assertThat(res.header("X-Read-Source")).isEqualTo("replica");

    Res csv = api().send("GET", "/api/districts/" + districtId + "/exports/summary.csv", null,
        null, district);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).contains(REPLICA_VILLAGE);
    Res village = api().get("/api/villages/" + villageId + "/dashboard", district);
    assertThat(village.header("X-Read-Source")).isEqualTo("replica");
    Res notices = api().get("/api/public/villages/" + villageId + "/notices", null);
    assertThat(notices.header("X-Read-Source")).isEqualTo("replica");
    // Scope checks, registers and everything that writes read the primary.
    Res villages = api().get("/api/villages", district);
    assertThat(villages.body()).doesNotContain(REPLICA_VILLAGE);
    assertThat(villages.header("X-Read-Source")).isNull();
  }

  @Test
  void aReplicaFurtherBehindThanTheBoundIsNotRead() {
    lag.down = false;
    lag.seconds = 60;
    Res res = dashboard();
    assertThat(res.json().path("name").asText()).isNotEqualTo(REPLICA_DISTRICT);
    assertThat(res.json().path("readSource").asText()).isEqualTo("primary");
    assertThat(res.json().path("replicaLagSeconds").asDouble()).isEqualTo(60);
    assertThat(res.header("X-Read-Source")).isEqualTo("primary");
    Res health = api().get("/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("replica").asText()).isEqualTo("LAGGING");
  }

  @Test
  void aReplicaThatIsDownFallsBackToThePrimaryAndLeavesTheInstanceHealthy() {
    lag.down = true;
    Res res = dashboard();
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("name").asText()).isNotEqualTo(REPLICA_DISTRICT);
    assertThat(res.json().path("readSource").asText()).isEqualTo("primary");
    assertThat(res.json().path("replicaLagSeconds").isNull()).isTrue();
    Res health = api().get("/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");
    assertThat(health.json().path("primary").asText()).isEqualTo("UP");
    assertThat(health.json().path("replica").asText()).isEqualTo("DOWN");
    lag.down = false;
    lag.seconds = 0;
    assertThat(dashboard().json().path("readSource").asText()).isEqualTo("replica");
  }
}
