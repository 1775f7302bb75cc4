package org.villagepoints.common;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.exceptions.NoConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.transaction.exceptions.CannotCreateTransactionException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides whether a failure means "PostgreSQL is away" (down, restarting,
 * out of connections, or the connection broke) rather than a fault of the service. Such a
 * failure answers 503 DATABASE_UNAVAILABLE with Retry-After instead of a 500: the request's
 * transaction never committed (or, if the commit's answer was lost, its Idempotency-Key holds
 * the stored answer), so the client may retry it with the same key.
 */
public final class DatabaseUnavailable {

  public static final String CODE = "DATABASE_UNAVAILABLE";
  public static final String DETAIL = "数据库暂时不可用，请稍后重试";
  public static final int RETRY_AFTER_SECONDS = 5;

  /**
   * SQLState values of an away database: class 08 (connection exception) is matched by its
   * prefix; 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up
   * or shutting down), 53300 too many connections.
   */
  private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

  private DatabaseUnavailable() {}

  /** True when the failure or any of its causes says the database cannot be reached. */
  public static boolean causedBy(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (matches(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Throwable t) {
    if (t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof CannotGetJdbcConnectionException
        || t instanceof CannotCreateTransactionException) {
      return true;
    }
    if (t instanceof ConnectionException && !(t instanceof NoConnectionException)) {
      return true; // NoConnectionException: code ran outside a connection (a bug, not an outage)
    }
    if (t instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("08") || STATES.contains(state);
    }
    return false;
  }

  public static Problem problem() {
    return Problem.of(503, CODE, DETAIL, null);
  }
}
