package org.villagepoints.common;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (binaries from Maven Central) whose data directory persists, used
 * when no database URL is configured. Good enough for one village on one machine; a
 * district installation should use a managed PostgreSQL server instead.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  public static final String DATABASE = "postgres";
  public static final String USER = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts (or restarts on existing data) the server in {@code dataDirectory}. */
  public static EmbeddedDatabase start(Path dataDirectory) {
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setServerConfig("timezone", "Asia/Shanghai")
              .setServerConfig("max_connections", "200")
              // The library's defaults trade durability for test speed; villagers' points
              // must survive a power cut, so every commit is flushed.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .start();
      LOG.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {}", pg.getPort(), dataDirectory);
      return new EmbeddedDatabase(pg);
    } catch (IOException e) {
      throw new StartupSettings.StartupRefused(
          "嵌入式 PostgreSQL 启动失败 (embedded PostgreSQL failed to start in " + dataDirectory
              + "): " + e.getMessage());
    }
  }

  /** Starts a throw-away server (tests). */
  public static EmbeddedDatabase startTemporary() {
    try {
      return new EmbeddedDatabase(
          EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
              .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
              .start());
    } catch (IOException e) {
      throw new IllegalStateException("embedded PostgreSQL failed to start", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  public Map<String, Object> datasourceProperties() {
    return Map.of(
        "datasources.default.url", jdbcUrl(DATABASE),
        "datasources.default.username", USER,
        "datasources.default.password", "");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
