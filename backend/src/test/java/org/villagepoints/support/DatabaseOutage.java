package org.villagepoints.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Takes one test database away from the service as a PostgreSQL outage would: new
 * connections are refused ({@code ALLOW_CONNECTIONS false}) and every open one is terminated
 * ({@code pg_terminate_backend}), so the service's pool holds only dead connections. Closing
 * it allows connections again. Only this database is touched; the other test classes on the
 * same server go on undisturbed. Use it in try-with-resources so the database always comes
 * back.
 */
public final class DatabaseOutage implements AutoCloseable {

  private final String database;

  private DatabaseOutage(String database) {
    this.database = database;
  }

  /** Starts an outage of the database named in this JDBC URL. */
  public static DatabaseOutage of(String jdbcUrl) {
    String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    String database = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (!database.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("unexpected database name " + database);
    }
    DatabaseOutage outage = new DatabaseOutage(database);
    outage.begin();
    return outage;
  }

  private void begin() {
    try (Connection c = TestDatabase.get().adminConnection();
        Statement s = c.createStatement()) {
      s.execute("alter database " + database + " allow_connections false");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (backends(c) > 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("backends of " + database + " did not end");
        }
        try (PreparedStatement ps = c.prepareStatement("select pg_terminate_backend(pid)"
            + " from pg_stat_activity where datname = ? and backend_type = 'client backend'")) {
          ps.setString(1, database);
          ps.execute();
        }
        Thread.sleep(50);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not take " + database + " away", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The service's connections (not autovacuum, which a non-superuser could not end). */
  private long backends(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select count(*) from pg_stat_activity where datname = ?"
            + " and backend_type = 'client backend'")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Ends the outage: the database accepts connections again. */
  @Override
  public void close() {
    try (Connection c = TestDatabase.get().adminConnection();
        Statement s = c.createStatement()) {
      s.execute("alter database " + database + " allow_connections true");
    } catch (SQLException e) {
      throw new IllegalStateException("could not bring " + database + " back", e);
    }
  }
}
