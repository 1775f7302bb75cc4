package org.villagepoints.card;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.villagepoints.common.Sql;

/**
 * Signs card serials: the QR payload is {@code VP1.<serial>.<signature>}, never a bare
 * household id, so a payload cannot be guessed or made up. The key is generated once and kept
 * in the database (not derived from the JWT secret, so rotating that secret does not
 * invalidate every printed card).
 */
@Singleton
public class CardSigner {

  static final String PREFIX = "VP1";
  private static final char[] SERIAL_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private final Sql sql;
  private final SecureRandom random = new SecureRandom();
  private volatile byte[] key;

  CardSigner(Sql sql) {
    this.sql = sql;
  }

  /** 12 characters from an alphabet without look-alikes (no 0/O, 1/I): 60 bits. */
  String newSerial() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      s.append(SERIAL_CHARS[random.nextInt(SERIAL_CHARS.length)]);
    }
    return s.toString();
  }

  public String payload(String serial) {
    return PREFIX + "." + serial + "." + signature(serial);
  }

  /** The serial inside a genuine payload, or null for a malformed or forged one. */
  public String verify(String payload) {
    if (payload == null || payload.length() > 100) {
      return null;
    }
    String[] parts = payload.trim().split("\\.");
    if (parts.length != 3 || !PREFIX.equals(parts[0]) || !parts[1].matches("[A-Z0-9]{10,20}")) {
      return null;
    }
    byte[] expected = signature(parts[1]).getBytes(StandardCharsets.US_ASCII);
    byte[] given = parts[2].getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? parts[1] : null;
  }

  private String signature(String serial) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] full = mac.doFinal(("card:" + serial).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(full).substring(0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key() {
    if (key == null) {
      byte[] fresh = new byte[32];
      random.nextBytes(fresh);
      sql.update("insert into signing_keys (name, secret) values ('card', ?) on conflict do nothing",
          Base64.getEncoder().encodeToString(fresh));
      key = Base64.getDecoder().decode(
          sql.one("select secret from signing_keys where name = 'card'", rs -> rs.getString(1))
              .orElseThrow());
    }
    return key;
  }
}
