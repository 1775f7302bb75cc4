package org.villagepoints.support;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.villagepoints.common.EmbeddedDatabase;

/**
 * One PostgreSQL server per test JVM: embedded by default, or the server given by
 * VP_TEST_DATABASE_URL (+ _USERNAME, _PASSWORD; a role allowed to create databases). A
 * template database is migrated and loaded with the demo district once, through the real
 * services; every test class then gets its own copy ({@code CREATE DATABASE ... TEMPLATE}),
 * which takes a fraction of a second.
 */
public final class TestDatabase {

  public static final String JWT_SECRET = "test-secret-test-secret-test-secret-0123456789";
  private static final String TEMPLATE = "vp_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static TestDatabase instance;

  private final String adminUrl;
  private final String user;
  private final String password;
  private final String prefix;

  private TestDatabase(String adminUrl, String user, String password) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
    this.prefix = "vp_test_" + ProcessHandle.current().pid() + "_";
  }

  public static synchronized TestDatabase get() {
    if (instance == null) {
      String url = System.getenv("VP_TEST_DATABASE_URL");
      if (url != null && !url.isBlank()) {
        instance = new TestDatabase(url, System.getenv("VP_TEST_DATABASE_USERNAME"),
            System.getenv("VP_TEST_DATABASE_PASSWORD"));
      } else {
        EmbeddedDatabase pg = EmbeddedDatabase.startTemporary();
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close));
        instance = new TestDatabase(pg.jdbcUrl("postgres"), EmbeddedDatabase.USER, "");
      }
      instance.createTemplate();
    }
    return instance;
  }

  /** A new database holding the migrated schema and the demo district. */
  public Map<String, Object> freshDatabaseProperties() {
    String name = prefix + COUNTER.incrementAndGet();
    execute("create database " + name + " template " + TEMPLATE);
    Map<String, Object> props = new HashMap<>(baseProperties(name));
    props.put("vp.demo", "false");
    return props;
  }

  /** A new empty database (no schema): for tests of migrations and seeding itself. */
  public String emptyDatabaseUrl() {
    String name = prefix + COUNTER.incrementAndGet();
    execute("create database " + name);
    return urlOf(name);
  }

  public String user() {
    return user;
  }

  public String password() {
    return password == null ? "" : password;
  }

  public Map<String, Object> baseProperties(String database) {
    Map<String, Object> props = new HashMap<>();
    props.put("datasources.default.url", urlOf(database));
    props.put("datasources.default.username", user);
    props.put("datasources.default.password", password());
    props.put("vp.jwt-secret", JWT_SECRET);
    props.put("vp.jobs.enabled", "false");
    props.put("vp.data-dir", System.getProperty("java.io.tmpdir") + "/vp-test-data");
    return props;
  }

  private void createTemplate() {
    execute("drop database if exists " + TEMPLATE + " with (force)");
    execute("create database " + TEMPLATE);
    Map<String, Object> props = baseProperties(TEMPLATE);
    props.put("vp.demo", "true");
    props.put("vp.demo-history", "false"); // tests start from empty books; DemoSeedingTest loads it
    try (ApplicationContext context = ApplicationContext.builder().properties(props).start()) {
      context.getEnvironment();
    }
  }

  private String urlOf(String database) {
    int slash = adminUrl.lastIndexOf('/');
    int query = adminUrl.indexOf('?', slash);
    return adminUrl.substring(0, slash + 1) + database
        + (query >= 0 ? adminUrl.substring(query) : "");
  }

  /** A connection to the server's administrative database (not to any test's database). */
  public Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(adminUrl, user, password());
  }

  private void execute(String statement) {
    try (Connection c = adminConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(statement, e);
    }
  }
}
