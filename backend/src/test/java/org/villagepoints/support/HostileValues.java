package org.villagepoints.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;

/** The raw material of hostile requests: strings, ids, tokens and broken JSON. */
public final class HostileValues {

  /** About 1 MB of ASCII: under the 1 MB JSON limit only when it stands nearly alone. */
  public static final String MEGABYTE = "x".repeat(1_000_000);

  /** Strings that have broken other programs: injection, markup, odd Unicode, NUL. */
  public static final List<String> STRINGS = List.of(
      "' OR '1'='1", "1; DROP TABLE households; --", "\"; DELETE FROM ledger_entries; --",
      "' UNION SELECT password_hash FROM users --", "%' AND pg_sleep(5) --", "$$; select 1; $$",
      "<img src=x onerror=\"window.__pwned=1\">张三", "<script>alert(1)</script>",
      "\"><svg onload=alert(1)>", "javascript:alert(1)", "{{7*7}}${7*7}#{7*7}",
      "\u202E\u0645\u0631\u062D\u0628\u0627 RTL", "\u200B\u200C\u200D\uFEFF", "王\u0000建国",
      "\u0000", "😀👨‍👩‍👧‍👦🏳️‍🌈", "𠜎𠜱𠝹𠱓", "\uD800", "Z̷̡̧͎a̶̛̞l̴g̵o̸", "\\u0000\\n\\r",
      "../../../../etc/passwd", "%00%0d%0a", "\r\nX-Injected: 1", "null", "true", "-1", "0",
      "9223372036854775808", "NaN", "   ", "", "ＡＢＣ１２３", "\t\n", "张三".repeat(40));

  /** Path ids that name nothing: malformed, overflowing, negative, injected, Unicode. */
  public static final List<String> IDS = List.of(
      "0", "-1", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
      "99999999999999999999999", "1e3", "1.5", "0x10", "abc", "1 OR 1=1", "1;DROP TABLE users",
      "' or '1'='1", "<script>", "\u0000", "%00", "\u202E12", "９９９９９９９", "😀", "null",
      "undefined", "[]", "{}", " 9999999", "9999999 ", "+9999999", "--7", "7/../../1", "..",
      "x".repeat(5000), "999999999");

  /** Numbers at and past every edge. */
  public static final List<String> NUMBERS = List.of(
      "0", "-1", "-9223372036854775808", "9223372036854775807", "2147483648", "-2147483649",
      "99999999999999999999999999", "1e400", "-1e400", "1.5", "-0", "0.0000001", "1E2",
      "12345678901234567890123456789012345678901234567890");

  private HostileValues() {}

  public static String string(Random r) {
    return r.nextInt(60) == 0 ? MEGABYTE : pick(r, STRINGS);
  }

  public static <T> T pick(Random r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  /**
   * Bodies that are not JSON. Not among them: a valid document followed by garbage, which
   * the server's JSON reader accepts (it stops after the first value); see deploy/bench/README.md.
   */
  public static byte[] malformedJson(Random r, String valid) {
    String v = valid.isEmpty() ? "{\"a\":1}" : valid;
    return switch (r.nextInt(16)) {
      case 0 -> v.substring(0, Math.max(1, r.nextInt(v.length()))).getBytes(StandardCharsets.UTF_8);
      case 1 -> "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
      case 2 -> ("{\"a\":" + "9".repeat(200_000) + "}").getBytes(StandardCharsets.US_ASCII);
      case 3 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
      case 4 -> ("garbage" + v).getBytes(StandardCharsets.UTF_8);
      case 5 -> (v.substring(0, v.length() - 1) + "garbage}").getBytes(StandardCharsets.UTF_8);
      case 6 -> v.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
      case 7 -> "null".getBytes(StandardCharsets.US_ASCII);
      case 8 -> "[]".getBytes(StandardCharsets.US_ASCII);
      case 9 -> "\"just a string\"".getBytes(StandardCharsets.US_ASCII);
      case 10 -> new byte[0];
      case 11 -> v.replace("}", ",}").getBytes(StandardCharsets.UTF_8);
      case 12 -> v.replace(":", ":\u0000").getBytes(StandardCharsets.UTF_8);
      case 13 -> ("{\"a\":\"" + "\\".repeat(1001) + "\"}").getBytes(StandardCharsets.US_ASCII);
      case 14 -> randomBytes(r, 1 + r.nextInt(4096));
      default -> "{\"a\":1,\"a\":{\"$where\":\"1\"},\"__proto__\":{\"x\":1}".getBytes(
          StandardCharsets.UTF_8);
    };
  }

  public static byte[] randomBytes(Random r, int size) {
    byte[] bytes = new byte[size];
    r.nextBytes(bytes);
    bytes[0] = 'G'; // never the magic bytes of a JPEG, PNG or WebP, nor of a zip (xlsx)
    return bytes;
  }

  /** An Authorization header value that must not let anyone in. */
  public static String badAuthorization(Random r, String realToken, String secret) {
    return switch (r.nextInt(8)) {
      case 0 -> "Bearer " + b64(r, 20) + "." + b64(r, 60) + "." + b64(r, 32);
      case 1 -> "Bearer " + sign(realToken, secret, Instant.now().minusSeconds(3600));
      case 2 -> "Bearer " + sign(realToken, "another-secret-another-secret-another-secret!",
          null);
      case 3 -> "Bearer " + unsigned(realToken);
      case 4 -> "Bearer " + tampered(realToken);
      case 5 -> "Basic " + Base64.getEncoder().encodeToString("district:demo123".getBytes(
          StandardCharsets.UTF_8));
      case 6 -> "Bearer " + "a".repeat(6000);
      default -> "Bearer";
    };
  }

  private static String b64(Random r, int n) {
    byte[] bytes = new byte[n];
    r.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The real token's claims signed again: expired, or with a secret the server does not know. */
  private static String sign(String token, String secret, Instant expiredAt) {
    try {
      JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(
          SignedJWT.parse(token).getJWTClaimsSet());
      if (expiredAt != null) {
        claims.expirationTime(Date.from(expiredAt)).issueTime(Date.from(expiredAt.minusSeconds(900)))
            .notBeforeTime(Date.from(expiredAt.minusSeconds(900)));
      }
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {"alg":"none"}: the claims with no signature at all, the role raised to district. */
  private static String unsigned(String token) {
    String[] parts = token.split("\\.");
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    return header + "." + raise(parts[1]) + ".";
  }

  /** The real signature on claims whose role was raised to district administrator. */
  private static String tampered(String token) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + raise(parts[1]) + "." + parts[2];
  }

  private static String raise(String payload) {
    String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
        .replaceAll("\"role\":\"[A-Z_]+\"", "\"role\":\"DISTRICT_ADMIN\"")
        .replaceAll("\"roles\":\\[[^]]*]", "\"roles\":[\"DISTRICT_ADMIN\"]");
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        json.getBytes(StandardCharsets.UTF_8));
  }
}
