package org.villagepoints.ops;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance at a time per scheduled job, through PostgreSQL rather than a new component:
 * a run opens a transaction on a connection of its own and takes
 * {@code pg_try_advisory_xact_lock(VPJB, job)}; an instance that does not get it skips this
 * run. The job's work runs in its own transactions on other connections while the lock is
 * held; ending the lock's transaction releases it, and so does PostgreSQL when the instance
 * dies (its connection closes), so a crashed instance never leaves a job locked.
 *
 * <p>The lock only saves duplicate effort: every job's work is idempotent by itself (claims
 * rows with SKIP LOCKED, unique indexes, conditional deletes), so a run that overlaps anyway
 * (e.g. the lock's connection was cut by {@code idle_in_transaction_session_timeout}) is
 * still correct.
 */
@Singleton
public class JobLocks {

  /** Advisory lock class of scheduled jobs ("VPJB"); ExpiryService and DemoSeeder use others. */
  static final int JOB_LOCK_CLASS = 0x5650_4A42;
  private static final Logger LOG = LoggerFactory.getLogger(JobLocks.class);

  private final DataSource dataSource;
  private final OpsMetrics metrics;

  JobLocks(DataSource dataSource, OpsMetrics metrics) {
    // The plain pool: a connection outside the caller's transaction, always the primary.
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    this.metrics = metrics;
  }

  /**
   * Runs {@code work} unless another instance (or thread) is running the job {@code job} right
   * now; answers whether it ran. Failures of the work are logged and counted, not thrown, so
   * the scheduler keeps its rhythm.
   */
  public boolean runExclusive(String job, Runnable work) {
    long started = System.nanoTime();
    try (Connection lock = dataSource.getConnection()) {
      lock.setAutoCommit(false);
      try {
        if (!tryLock(lock, job)) {
          metrics.jobRun(job, "skipped", System.nanoTime() - started);
          return false;
        }
        try {
          work.run();
          metrics.jobRun(job, "ran", System.nanoTime() - started);
        } catch (RuntimeException e) {
          metrics.jobRun(job, "failed", System.nanoTime() - started);
          LOG.error("Scheduled job {} failed", job, e);
        }
        return true;
      } finally {
        lock.rollback(); // ends the transaction, which releases the lock
      }
    } catch (SQLException e) {
      metrics.jobRun(job, "failed", System.nanoTime() - started);
      LOG.warn("Scheduled job {} skipped: no database connection for its lock: {}", job,
          e.getMessage());
      return false;
    }
  }

  private static boolean tryLock(Connection c, String job) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
      ps.setInt(1, JOB_LOCK_CLASS);
      ps.setInt(2, job.hashCode());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
