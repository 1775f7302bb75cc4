package org.villagepoints.auth;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * Checks a household's PIN typed at the shop counter (second factor for printed cards).
 * Guessing is throttled exactly like logins: the same counter, keyed by the household login.
 */
@Singleton
public class HouseholdPin {

  private final Sql sql;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;

  HouseholdPin(Sql sql, PasswordHasher hasher, LoginThrottle throttle) {
    this.sql = sql;
    this.hasher = hasher;
    this.throttle = throttle;
  }

  public void check(long householdId, String pin, String clientIp) {
    var user = sql.one("select username, password_hash from users where household_id = ?"
        + " and role = 'VILLAGER' and enabled", rs -> new String[] {rs.getString(1),
            rs.getString(2)}, householdId);
    String username = user.map(u -> u[0]).orElse("household-" + householdId);
    OptionalLong wait = throttle.blockedFor(username, clientIp, Instant.now());
    if (wait.isPresent()) {
      long minutes = Math.max(1, (wait.getAsLong() + 59) / 60);
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
          "密码错误次数过多，请 " + minutes + " 分钟后再试，或改用手机兑换码",
          Map.of("retryAfterSeconds", wait.getAsLong()));
    }
    boolean ok = pin != null && pin.matches("\\d{6}")
        && hasher.matches(pin, user.map(u -> u[1]).orElse(null)) && user.isPresent();
    throttle.record(username, clientIp, ok);
    if (!ok) {
      throw ApiException.unprocessable("WRONG_PIN", "户密码不对，请村民再输一次");
    }
  }
}
