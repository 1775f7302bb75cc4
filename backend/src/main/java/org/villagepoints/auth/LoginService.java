package org.villagepoints.auth;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.villagepoints.audit.AuditService;
import org.villagepoints.common.ApiException;

/** Password (or villager PIN) login, refresh and logout. */
@Singleton
public class LoginService {

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final TokenService tokens;
  private final AuditService audit;

  LoginService(UserRepository users, PasswordHasher hasher, LoginThrottle throttle,
      TokenService tokens, AuditService audit) {
    this.users = users;
    this.hasher = hasher;
    this.throttle = throttle;
    this.tokens = tokens;
    this.audit = audit;
  }

  @Transactional
  public TokenResponse login(LoginRequest request, String clientIp) {
    String username = request.username().trim().toLowerCase();
    OptionalLong wait = throttle.blockedFor(username, clientIp, Instant.now());
    if (wait.isPresent()) {
      throw tooManyAttempts(wait.getAsLong());
    }
    Optional<User> user = users.findByUsername(username).filter(User::enabled);
    boolean ok = hasher.matches(request.password(), user.map(User::passwordHash).orElse(null))
        && user.isPresent();
    throttle.record(username, clientIp, ok);
    if (!ok) {
      // The same answer for an unknown user and a wrong password: no account discovery.
      throw new ApiException(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "用户名或密码错误");
    }
    Caller caller = Caller.of(user.get());
    audit.record(caller, "LOGIN", "user", caller.userId(), Map.of("ip", clientIp));
    return tokens.issue(caller);
  }

  /** Not one transaction: revoking a replayed token family must survive the 401. */
  public TokenResponse refresh(RefreshRequest request) {
    return tokens.consume(request.refreshToken())
        .flatMap(users::findById)
        .filter(User::enabled)
        .map(user -> tokens.issue(Caller.of(user)))
        .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "REFRESH_TOKEN_INVALID",
            "登录已过期，请重新登录"));
  }

  public void logout(RefreshRequest request) {
    tokens.consume(request.refreshToken());
  }

  private static ApiException tooManyAttempts(long seconds) {
    long minutes = Math.max(1, (seconds + 59) / 60);
    return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
        "登录失败次数过多，请 " + minutes + " 分钟后再试", Map.of("retryAfterSeconds", seconds));
  }
}
