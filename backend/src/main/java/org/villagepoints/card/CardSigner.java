package org.villagepoints.card;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.villagepoints.common.SigningKeys;

/**
 * Signs card serials: the QR payload is {@code VP1.<serial>.<signature>}, never a bare
 * household id, so a payload cannot be guessed or made up. The key lives in the database
 * ({@link SigningKeys}), so rotating the JWT secret does not void printed cards.
 */
@Singleton
public class CardSigner {

  static final String PREFIX = "VP1";
  private static final char[] SERIAL_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private final SigningKeys keys;
  private final SecureRandom random = new SecureRandom();

  CardSigner(SigningKeys keys) {
    this.keys = keys;
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
    return keys.sign("card", "card:" + serial).substring(0, 16);
  }
}
