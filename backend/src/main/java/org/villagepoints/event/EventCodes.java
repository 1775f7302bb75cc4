package org.villagepoints.event;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import org.villagepoints.common.SigningKeys;
import org.villagepoints.common.Sql;

/**
 * The two ways to name an event at check-in. The QR code carries {@code VPE1.<event>.<HMAC>}:
 * signed, so it cannot be made up, and it holds no time: the server checks the event's window
 * at every check-in, so moving the window needs no new code. The typed code is 6 random
 * digits, unique in the village, shown beside the QR code for phones whose camera cannot read
 * it; guessing it is throttled ({@link EventCodeThrottle}).
 */
@Singleton
class EventCodes {

  private final Sql sql;
  private final SigningKeys keys;
  private final SecureRandom random = new SecureRandom();

  EventCodes(Sql sql, SigningKeys keys) {
    this.sql = sql;
    this.keys = keys;
  }

  String signed(long eventId) {
    String body = "VPE1." + eventId;
    return body + "." + keys.sign("event", body);
  }

  String newTypedCode() {
    return String.format("%06d", random.nextInt(1_000_000));
  }

  /** The event a scanned or typed code names, if it is genuine. */
  Optional<Long> resolve(String raw, long villageId) {
    String code = raw.replaceAll("[\\s\\u3000]+", "").replace('。', '.').replace('．', '.');
    if (code.matches("\\d{6}")) {
      return sql.one("select id from events where village_id = ? and check_in_code = ?",
          rs -> rs.getLong(1), villageId, code);
    }
    String[] p = code.split("\\.");
    if (p.length != 3 || !"VPE1".equals(p[0]) || !p[1].matches("\\d{1,18}")) {
      return Optional.empty();
    }
    long id = Long.parseLong(p[1]);
    boolean genuine = MessageDigest.isEqual(signed(id).getBytes(StandardCharsets.UTF_8),
        code.getBytes(StandardCharsets.UTF_8));
    return genuine ? Optional.of(id) : Optional.empty();
  }
}
