package org.villagepoints.common;

import io.micronaut.http.multipart.CompletedFileUpload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one check of an uploaded photo (application evidence, product photos, donation
 * vouchers): JPG, PNG or WebP, decided by the file's first bytes (the declared content type and
 * file name are not trusted), and no larger than the caller's limit. Refusals are 422
 * problem+json with a Chinese detail, thrown before anything is written.
 */
public final class PhotoUpload {

  public static final int MB = 1024 * 1024;

  private PhotoUpload() {}

  /** A photo that passed the check: its detected type, bytes and SHA-256 (hex). */
  public record Photo(String contentType, byte[] bytes, String sha256) {}

  /** Checks type then size; answers the photo with its detected content type. */
  public static Photo check(byte[] bytes, int maxBytes) {
    String type = bytes == null ? null : typeOf(bytes);
    if (type == null) {
      throw ApiException.unprocessable("BAD_PHOTO", "只能上传 JPG、PNG 或 WebP 照片");
    }
    if (bytes.length > maxBytes) {
      throw ApiException.unprocessable("PHOTO_TOO_LARGE",
          "照片太大：每张不超过 " + (maxBytes / MB) + " MB");
    }
    return new Photo(type, bytes, sha256(bytes));
  }

  /** The bytes of an uploaded file part (held in memory: uploads are limited in size). */
  public static byte[] bytesOf(CompletedFileUpload file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The image type from the magic bytes, or null when it is none of JPG, PNG, WebP. */
  static String typeOf(byte[] b) {
    if (b.length > 3 && u(b[0]) == 0xFF && u(b[1]) == 0xD8 && u(b[2]) == 0xFF) {
      return "image/jpeg";
    }
    if (b.length > 8 && u(b[0]) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
        && b[4] == '\r' && b[5] == '\n' && b[6] == 0x1A && b[7] == '\n') {
      return "image/png";
    }
    if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
        && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
      return "image/webp";
    }
    return null;
  }

  private static int u(byte b) {
    return b & 0xFF;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
