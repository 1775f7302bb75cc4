package org.villagepoints.ops;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The default datasource when a replica is configured: hands out primary connections, except
 * on a thread inside {@link ReadRouting#read}, where the transaction that starts there gets a
 * replica connection instead. Routing happens when a transaction (or a statement outside one)
 * takes its connection, so everything in it — the {@code Sql} helper, cursors, the
 * repeatable-read snapshot of a dashboard — runs on one server. A transaction already open on
 * the thread keeps its primary connection. Should the replica refuse a connection, the
 * primary's is handed out and the replica is marked down.
 */
final class RoutingDataSource implements DataSource {

  private static final ThreadLocal<Boolean> ROUTE = new ThreadLocal<>();
  private static final ThreadLocal<String> SERVED = new ThreadLocal<>();

  private final DataSource primary;
  private final Supplier<DataSource> replica;
  private final Runnable replicaFailed;

  RoutingDataSource(DataSource primary, Supplier<DataSource> replica, Runnable replicaFailed) {
    this.primary = primary;
    this.replica = replica;
    this.replicaFailed = replicaFailed;
  }

  DataSource primary() {
    return primary;
  }

  /** Routes connections taken on this thread to the replica until {@link #end()}. */
  static void begin() {
    ROUTE.set(Boolean.TRUE);
    SERVED.remove();
  }

  /** Stops routing; answers which server handed out the connection(s), or null if none. */
  static String end() {
    ROUTE.remove();
    String served = SERVED.get();
    SERVED.remove();
    return served;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (ROUTE.get() == null) {
      return primary.getConnection();
    }
    try {
      Connection c = replica.get().getConnection();
      SERVED.set(ReadRouting.REPLICA);
      return c;
    } catch (SQLException | RuntimeException e) {
      replicaFailed.run();
      SERVED.set(ReadRouting.PRIMARY);
      return primary.getConnection();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return primary.getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return primary.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    primary.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    primary.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return primary.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return primary.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : primary.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || primary.isWrapperFor(type);
  }
}
