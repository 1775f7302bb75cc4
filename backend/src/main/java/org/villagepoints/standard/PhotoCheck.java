package org.villagepoints.standard;

import org.villagepoints.common.ApiException;

/**
 * Evidence photo validation for self-checks: JPG, PNG or WebP by their magic bytes, at most
 * 5 MB. (Kept here because no shared photo helper exists yet; same rule as applications.)
 */
final class PhotoCheck {

  static final int MAX_BYTES = 5 * 1024 * 1024;

  /** The content type of a valid photo, or a 422 problem. */
  static String typeOf(byte[] b) {
    if (b.length > MAX_BYTES) {
      throw ApiException.unprocessable("PHOTO_TOO_LARGE", "照片太大：每张不超过 5 MB");
    }
    if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
        && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
      return "image/webp";
    }
    throw ApiException.unprocessable("BAD_PHOTO", "只能上传 JPG、PNG 或 WebP 照片");
  }

  private PhotoCheck() {}
}
