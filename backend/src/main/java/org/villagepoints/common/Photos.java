package org.villagepoints.common;

/**
 * Photos people attach as evidence (applications, ratings): JPG, PNG or WebP, recognised by
 * their first bytes (never by the file name), at most 5 MB each. The tables holding them
 * check the same limits.
 */
public final class Photos {

  public static final int MAX_BYTES = 5 * 1024 * 1024;

  private Photos() {}

  /** The photo's content type; refuses anything else with a problem the uploader can fix. */
  public static String checkedType(byte[] bytes) {
    String type = imageType(bytes);
    if (type == null) {
      throw ApiException.unprocessable("BAD_PHOTO", "只能上传 JPG、PNG 或 WebP 照片");
    }
    if (bytes.length > MAX_BYTES) {
      throw ApiException.unprocessable("PHOTO_TOO_LARGE", "照片太大：每张不超过 5 MB");
    }
    return type;
  }

  static String imageType(byte[] b) {
    if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
      return "image/jpeg";
    }
    if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[8] == 'W' && b[9] == 'E') {
      return "image/webp";
    }
    return null;
  }
}
