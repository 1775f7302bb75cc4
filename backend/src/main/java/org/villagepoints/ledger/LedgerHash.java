package org.villagepoints.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain of an account: each entry's hash covers the previous entry's hash and this
 * entry's canonical fields, so changing, removing or inserting any entry breaks every later
 * hash. Times are hashed as epoch microseconds, PostgreSQL's timestamp precision.
 */
public final class LedgerHash {

  public static final String GENESIS = "0".repeat(64);

  private LedgerHash() {}

  public static String of(String prevHash, long accountId, long seq, long transferId, long amount,
      long balanceAfter, String kind, Instant occurredAt, Instant recordedAt) {
    String canonical = String.join("|", prevHash, Long.toString(accountId), Long.toString(seq),
        Long.toString(transferId), Long.toString(amount), Long.toString(balanceAfter), kind,
        Long.toString(micros(occurredAt)), Long.toString(micros(recordedAt)));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Truncates to what PostgreSQL stores, so a hash computed before insert still verifies. */
  public static Instant truncate(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }

  private static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }
}
