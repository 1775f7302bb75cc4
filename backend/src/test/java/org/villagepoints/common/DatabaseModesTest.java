package org.villagepoints.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.villagepoints.support.TestDatabase;

/** The two ways the service finds its PostgreSQL: embedded with kept data, or a given URL. */
class DatabaseModesTest {

  @TempDir Path dataDir;

  @Test
  void withoutAUrlAnEmbeddedServerStartsAndKeepsItsDataBetweenRuns() throws Exception {
    Map<String, String> env = Map.of("VP_DEMO", "true", "VP_DATA_DIR", dataDir.toString());
    try (StartupSettings first = StartupSettings.resolve(env)) {
      try (Connection c = connect(first.properties())) {
        c.createStatement().execute("create table kept (v text)");
        c.createStatement().execute("insert into kept values ('立新村')");
      }
    }
    try (StartupSettings second = StartupSettings.resolve(env);
        Connection c = connect(second.properties());
        ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("立新村");
    }
    assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
    try (StartupSettings third = StartupSettings.resolve(env);
        Connection c = connect(third.properties());
        ResultSet rs = c.createStatement().executeQuery(
            "select current_setting('fsync'), current_setting('synchronous_commit')")) {
      rs.next();
      assertThat(rs.getString(1)).as("embedded mode is durable").isEqualTo("on");
      assertThat(rs.getString(2)).isEqualTo("on");
    }
  }

  @Test
  void withAUrlNoEmbeddedServerStartsAndTheGivenDatabaseIsMigrated() throws Exception {
    TestDatabase db = TestDatabase.get();
    String url = db.emptyDatabaseUrl();
    Map<String, String> env = Map.of("DATASOURCES_DEFAULT_URL", url,
        "VP_JWT_SECRET", TestDatabase.JWT_SECRET, "VP_DATA_DIR", dataDir.toString());
    try (StartupSettings settings = StartupSettings.resolve(env)) {
      // Micronaut reads DATASOURCES_DEFAULT_URL from the environment itself.
      assertThat(settings.properties()).doesNotContainKey("datasources.default.url");
      assertThat(dataDir.resolve("postgres")).doesNotExist();
    }
    Map<String, Object> props = Map.of("datasources.default.url", url,
        "datasources.default.username", db.user(), "datasources.default.password", db.password(),
        "vp.jwt-secret", TestDatabase.JWT_SECRET, "vp.demo", "false");
    try (ApplicationContext context = ApplicationContext.builder().properties(props).start()) {
      Sql sql = context.getBean(Sql.class);
      assertThat(sql.number("select count(*) from flyway_schema_history where success")).isPositive();
      assertThat(sql.number("select count(*) from villages")).isZero();
    }
  }

  private static Connection connect(Map<String, Object> props) throws Exception {
    return DriverManager.getConnection((String) props.get("datasources.default.url"),
        (String) props.get("datasources.default.username"),
        (String) props.get("datasources.default.password"));
  }
}
