package org.villagepoints.shop;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.SigningKeys;
import org.villagepoints.common.Sql;

/**
 * Phone redemption codes: {@code VPQ1.<household>.<expiry>.<nonce>.<signature>}. The server
 * signs them (HMAC), they live about 60 seconds, and a database row makes each single-use.
 */
@Singleton
public class QrTokens {

  static final Duration LIFETIME = Duration.ofSeconds(60);
  private final Sql sql;
  private final SigningKeys keys;
  private final SecureRandom random = new SecureRandom();

  QrTokens(Sql sql, SigningKeys keys) {
    this.sql = sql;
    this.keys = keys;
  }

  public record Verified(long householdId, String nonce, Instant expiresAt) {}

  @Transactional
  public QrTokenResponse issue(long householdId, long villageId) {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant expires = Instant.now().plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS);
    sql.update("insert into qr_tokens (household_id, village_id, nonce, expires_at)"
        + " values (?, ?, ?, ?)", householdId, villageId, nonce, expires);
    String body = "VPQ1." + householdId + "." + expires.getEpochSecond() + "." + nonce;
    return new QrTokenResponse(body + "." + keys.sign("qr", body),
        expires.atZone(Sql.ZONE).toOffsetDateTime(), LIFETIME.toSeconds());
  }

  /** Checks form, signature and expiry; does not use the token up. */
  public Verified verify(String token, Instant now) {
    String[] p = token == null ? new String[0] : token.trim().split("\\.");
    if (p.length != 5 || !"VPQ1".equals(p[0]) || !p[1].matches("\\d{1,18}")
        || !p[2].matches("\\d{1,12}") || !p[3].matches("[A-Za-z0-9_-]{8,40}")) {
      throw invalid();
    }
    String body = String.join(".", p[0], p[1], p[2], p[3]);
    if (!MessageDigest.isEqual(keys.sign("qr", body).getBytes(StandardCharsets.US_ASCII),
        p[4].getBytes(StandardCharsets.US_ASCII))) {
      throw invalid();
    }
    Instant expires = Instant.ofEpochSecond(Long.parseLong(p[2]));
    if (!now.isBefore(expires)) {
      throw ApiException.conflict("QR_TOKEN_EXPIRED", "兑换码已过期，请村民刷新手机上的兑换码",
          Map.of());
    }
    return new Verified(Long.parseLong(p[1]), p[3], expires);
  }

  /** Marks the token used; a second use is refused. Runs in the redemption's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void consume(Verified token) {
    if (sql.update("update qr_tokens set used_at = now() where nonce = ? and used_at is null",
        token.nonce()) == 0) {
      throw ApiException.conflict("QR_TOKEN_USED", "这个兑换码已经用过了，请村民刷新后再扫", Map.of());
    }
  }

  /** Drops tokens expired more than a day ago. */
  @Transactional
  public int purge() {
    return sql.update("delete from qr_tokens where expires_at < now() - interval '1 day'");
  }

  private static ApiException invalid() {
    return ApiException.badRequest("QR_TOKEN_INVALID", "无法识别这个兑换码，请让村民重新打开兑换码");
  }
}
