package org.villagepoints.event;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * Wrong check-in codes per villager login: after {@value #MAX_FAILURES} in
 * {@value #WINDOW_MINUTES} minutes check-in pauses, so the 6-digit codes cannot be guessed.
 * Counted in PostgreSQL (shared by every instance) and per login only, so one villager's
 * typos never block a neighbour on the same Wi-Fi.
 */
@Singleton
class EventCodeThrottle {

  static final int MAX_FAILURES = 10;
  static final int WINDOW_MINUTES = 10;
  private final Sql sql;

  EventCodeThrottle(Sql sql) {
    this.sql = sql;
  }

  @Transactional
  public void requireNotBlocked(Caller villager) {
    long seconds = sql.number("""
        select coalesce(ceil(extract(epoch from (min(attempted_at) + make_interval(mins => ?)
          - now()))), 0)::bigint from (select attempted_at from event_code_failures
          where username = ? and attempted_at > now() - make_interval(mins => ?)
          order by attempted_at desc limit ?) recent having count(*) >= ?""",
        WINDOW_MINUTES, villager.username(), WINDOW_MINUTES, MAX_FAILURES, MAX_FAILURES);
    if (seconds > 0) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
          "签到码输错次数太多，请 " + Math.max(1, (seconds + 59) / 60) + " 分钟后再试，或直接扫码签到",
          Map.of("retryAfterSeconds", seconds));
    }
  }

  /** Its own transaction: the failure is counted although the check-in then fails. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordFailure(Caller villager) {
    sql.update("delete from event_code_failures where username = ?"
        + " and attempted_at < now() - interval '1 day'", villager.username());
    sql.update("insert into event_code_failures (village_id, username) values (?, ?)",
        villager.villageId(), villager.username());
  }
}
