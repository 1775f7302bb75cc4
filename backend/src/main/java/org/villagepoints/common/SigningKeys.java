package org.villagepoints.common;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC keys generated once per purpose and kept in the database (table signing_keys), so
 * every instance signs alike and no secret has to be configured or committed.
 */
@Singleton
public class SigningKeys {

  private final Sql sql;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

  SigningKeys(Sql sql) {
    this.sql = sql;
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
    return keys.computeIfAbsent(purpose, name -> {
      byte[] fresh = new byte[32];
      random.nextBytes(fresh);
      sql.update("insert into signing_keys (name, secret) values (?, ?) on conflict do nothing",
          name, Base64.getEncoder().encodeToString(fresh));
      return Base64.getDecoder().decode(sql.one("select secret from signing_keys where name = ?",
          rs -> rs.getString(1), name).orElseThrow());
    });
  }
}
