package org.villagepoints.export;

import java.nio.charset.StandardCharsets;

/**
 * {@code attachment; filename="ascii.xlsx"; filename*=UTF-8''%E7%AB%8B...} (RFC 6266 with the
 * RFC 5987 encoding): browsers take the Chinese name, old clients the plain one.
 */
final class ContentDisposition {

  private static final String ATTR_CHARS = "!#$&+-.^_`|~";

  private ContentDisposition() {}

  static String attachment(String fileName, String asciiFallback) {
    return "attachment; filename=\"" + asciiFallback.replaceAll("[^A-Za-z0-9._-]", "_")
        + "\"; filename*=UTF-8''" + encode(fileName);
  }

  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || ATTR_CHARS.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
