package org.villagepoints.shop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.util.Arrays;
import org.villagepoints.common.PhotoUpload;

/**
 * A stored photo as an HTTP answer: its detected type, an ETag from its SHA-256 (304 when the
 * phone already has it) and caching. Photos need a login, so caches are private; a URL that
 * names the photo's version (or a voucher, which never changes) may be kept for a year.
 */
final class PhotoReply {

  private static final String KEEP = "private, max-age=31536000, immutable";
  private static final String REVALIDATE = "private, no-cache";

  private PhotoReply() {}

  /** A photo's version in URLs and ETags: the start of its SHA-256. */
  static String version(String sha256) {
    return sha256.substring(0, 16);
  }

  static MutableHttpResponse<byte[]> of(PhotoUpload.Photo photo, @Nullable String ifNoneMatch,
      boolean immutable) {
    String etag = "\"" + version(photo.sha256()) + "\"";
    String cache = immutable ? KEEP : REVALIDATE;
    if (matches(ifNoneMatch, etag)) {
      return HttpResponse.<byte[]>notModified().header(HttpHeaders.ETAG, etag)
          .header(HttpHeaders.CACHE_CONTROL, cache);
    }
    return HttpResponse.ok(photo.bytes()).contentType(photo.contentType())
        .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cache)
        .header("X-Content-Type-Options", "nosniff");
  }

  private static boolean matches(@Nullable String ifNoneMatch, String etag) {
    return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
        .map(t -> t.trim().replaceFirst("^W/", ""))
        .anyMatch(t -> t.equals(etag) || t.equals("*"));
  }
}
