package org.villagepoints.ops;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a read-only piece of work (dashboards, exports, ranking, the public notice board) on
 * the read replica when one is configured, reachable and no further behind than
 * {@code vp.replica.max-lag-seconds}; otherwise on the primary. Everything else (all writes,
 * scope checks, logins, balances at the counter) never comes here and reads the primary.
 * Work that fails on the replica for a server reason (connection lost, query cancelled by
 * replay) runs again on the primary, so a replica going away never fails a read.
 * The response gets {@code X-Read-Source: replica|primary} (see {@link ReadSourceHeader}).
 */
@Singleton
public class ReadRouting {

  public static final String REPLICA = "replica";
  public static final String PRIMARY = "primary";
  static final String ATTRIBUTE = "vp.read-source";
  private static final Logger LOG = LoggerFactory.getLogger(ReadRouting.class);

  private final ReplicaStatus status;
  private final TransactionOperations<Connection> transactions;

  ReadRouting(ReplicaStatus status, TransactionOperations<Connection> transactions) {
    this.status = status;
    this.transactions = transactions;
  }

  /** A value and where it was read: {@code source} replica or primary, the lag measured. */
  public record Routed<T>(T value, String source, @Nullable Double replicaLagSeconds) {}

  public <T> Routed<T> read(Supplier<T> work) {
    ReplicaStatus.Snapshot replica = status.current();
    if (!replica.usable() || transactions.findTransactionStatus().isPresent()) {
      return done(work.get(), PRIMARY, replica);
    }
    String served = null;
    T value;
    RoutingDataSource.begin();
    try {
      value = work.get();
    } catch (RuntimeException e) {
      String failedOn = RoutingDataSource.end();
      if (!REPLICA.equals(failedOn) || !serverTrouble(e)) {
        throw e;
      }
      LOG.warn("A read failed on the replica, reading the primary instead: {}", e.getMessage());
      status.markDown(e.getMessage());
      return done(work.get(), PRIMARY, replica);
    } finally {
      served = RoutingDataSource.end(); // null when the catch above ended it already
    }
    return done(value, served == null ? REPLICA : served, replica);
  }

  private static <T> Routed<T> done(T value, String source, ReplicaStatus.Snapshot replica) {
    ServerRequestContext.currentRequest().ifPresent(r -> r.setAttribute(ATTRIBUTE, source));
    return new Routed<>(value, source, replica.lagSeconds());
  }

  /** Connection errors (08…), shutdown/cancel (57…) and recovery conflicts (40001). */
  private static boolean serverTrouble(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        return state.startsWith("08") || state.startsWith("57") || state.equals("40001");
      }
    }
    return false;
  }
}
