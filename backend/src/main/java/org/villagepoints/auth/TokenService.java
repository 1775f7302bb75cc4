package org.villagepoints.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Short-lived signed access tokens (JWT) plus long-lived refresh tokens kept in PostgreSQL.
 * Refresh tokens rotate on every use; presenting one that was already used revokes all of
 * that user's refresh tokens, because it means a copy was stolen.
 */
@Singleton
@Transactional
class TokenService {

  private final JwtTokenGenerator generator;
  private final JdbcOperations jdbc;
  private final int accessSeconds;
  private final Duration refreshLifetime;
  private final SecureRandom random = new SecureRandom();

  TokenService(JwtTokenGenerator generator, JdbcOperations jdbc,
      @Value("${micronaut.security.token.generator.access-token.expiration:900}") int accessSeconds,
      @Value("${vp.refresh-token-days:30}") int refreshDays) {
    this.generator = generator;
    this.jdbc = jdbc;
    this.accessSeconds = accessSeconds;
    this.refreshLifetime = Duration.ofDays(refreshDays);
  }

  public TokenResponse issue(Caller caller) {
    Authentication authentication =
        Authentication.build(caller.username(), List.of(caller.role().name()), caller.claims());
    String access = generator.generateToken(authentication, accessSeconds)
        .orElseThrow(() -> new IllegalStateException("JWT generation failed"));
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.prepareStatement(
        "insert into refresh_tokens (user_id, token_hash, expires_at) values (?, ?, ?)", ps -> {
          ps.setLong(1, caller.userId());
          ps.setString(2, sha256(refresh));
          ps.setTimestamp(3, Timestamp.from(Instant.now().plus(refreshLifetime)));
          return ps.executeUpdate();
        });
    return new TokenResponse(access, refresh, "Bearer", accessSeconds, caller.username(),
        caller.role().name());
  }

  /**
   * Marks the refresh token used and answers its user id; empty when unknown, expired or
   * already used (the last case also revokes the user's other refresh tokens).
   */
  public Optional<Long> consume(String refreshToken) {
    String hash = sha256(refreshToken);
    Long userId = jdbc.prepareStatement(
        "update refresh_tokens set revoked_at = now() where token_hash = ? and revoked_at is null"
            + " and expires_at > now() returning user_id", ps -> {
          ps.setString(1, hash);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
          }
        });
    if (userId == null) {
      jdbc.prepareStatement(
          "update refresh_tokens set revoked_at = now() where revoked_at is null and user_id ="
              + " (select user_id from refresh_tokens where token_hash = ?)", ps -> {
            ps.setString(1, hash);
            return ps.executeUpdate();
          });
    }
    return Optional.ofNullable(userId);
  }

  static String sha256(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
