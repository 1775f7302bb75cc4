package org.villagepoints.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.villagepoints.common.Sql;

/**
 * Counts failed logins per username and per client IP in a sliding window, in PostgreSQL so
 * that several service instances share the count. A username's count restarts after a
 * successful login; an IP's does not (one address guessing many usernames).
 */
@Singleton
@Transactional
class LoginThrottle {

  private final JdbcOperations jdbc;
  private final int maxFailures;
  private final Duration window;

  LoginThrottle(JdbcOperations jdbc, @Value("${vp.login.max-failures:5}") int maxFailures,
      @Value("${vp.login.window-seconds:300}") long windowSeconds) {
    this.jdbc = jdbc;
    this.maxFailures = maxFailures;
    this.window = Duration.ofSeconds(windowSeconds);
  }

  /** Seconds until the caller may try again, or empty when not blocked. */
  public OptionalLong blockedFor(String username, String ip, Instant now) {
    Sql.storable(username);
    Timestamp since = Timestamp.from(now.minus(window));
    Instant oldestUser = nthNewestFailure(
        "select attempted_at from login_attempts where username = ? and attempted_at > ?"
            + " and not succeeded and attempted_at > coalesce((select max(attempted_at)"
            + " from login_attempts where username = ? and succeeded), '-infinity')"
            + " order by attempted_at desc offset ? limit 1",
        ps -> {
          ps.setString(1, username);
          ps.setTimestamp(2, since);
          ps.setString(3, username);
          ps.setInt(4, maxFailures - 1);
        });
    Instant oldestIp = nthNewestFailure(
        "select attempted_at from login_attempts where client_ip = ? and attempted_at > ?"
            + " and not succeeded order by attempted_at desc offset ? limit 1",
        ps -> {
          ps.setString(1, ip);
          ps.setTimestamp(2, since);
          ps.setInt(3, maxFailures - 1);
        });
    Instant oldest = later(oldestUser, oldestIp);
    if (oldest == null) {
      return OptionalLong.empty();
    }
    long seconds = Duration.between(now, oldest.plus(window)).toSeconds() + 1;
    return OptionalLong.of(Math.max(1, seconds));
  }

  /** Its own transaction: a failure is counted even though the login then fails. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(String username, String ip, boolean succeeded) {
    jdbc.prepareStatement(
        "insert into login_attempts (username, client_ip, succeeded) values (?, ?, ?)", ps -> {
          ps.setString(1, username);
          ps.setString(2, ip);
          ps.setBoolean(3, succeeded);
          return ps.executeUpdate();
        });
  }

  private Instant nthNewestFailure(String sql, SqlBinder binder) {
    return jdbc.prepareStatement(sql, ps -> {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getTimestamp(1).toInstant() : null;
      }
    });
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  @FunctionalInterface
  private interface SqlBinder {
    void bind(PreparedStatement ps) throws java.sql.SQLException;
  }
}
