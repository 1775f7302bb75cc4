package org.villagepoints.common;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC keys generated once per purpose and kept in the database (table signing_keys), so
 * every instance signs alike and no secret has to be configured or committed. Each instance
 * caches a key once it has read it back; that is safe with several instances because a key
 * never changes once stored, and it is created in a transaction of its own (REQUIRES_NEW):
 * otherwise a key inserted inside a caller's transaction that then rolled back would stay
 * in this instance's cache while another instance stored a different one.
 */
@Singleton
public class SigningKeys {

  private final Sql sql;
  private final TransactionOperations<Connection> transactions;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

  SigningKeys(Sql sql, TransactionOperations<Connection> transactions) {
    this.sql = sql;
    this.transactions = transactions;
  }

  /** Base64url HMAC-SHA256 of {@code data} with the key named {@code purpose}, cut to 22 chars. */
  public String sign(String purpose, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(purpose), "HmacSHA256"));
      byte[] full = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(full).substring(0, 22);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key(String purpose) {
    return keys.computeIfAbsent(purpose, name -> transactions.execute(
        TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
          byte[] fresh = new byte[32];
          random.nextBytes(fresh);
          sql.update("insert into signing_keys (name, secret) values (?, ?) on conflict do nothing",
              name, Base64.getEncoder().encodeToString(fresh));
          return Base64.getDecoder().decode(sql.one(
              "select secret from signing_keys where name = ?", rs -> rs.getString(1), name)
              .orElseThrow());
        }));
  }
}
