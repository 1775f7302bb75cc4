package org.villagepoints.common;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Bodies over 1 MB (JSON and anything else but multipart uploads) are refused with 413
 * before they are read. The server's overall
 * limit is higher because photos and roster files come as multipart uploads.
 */
@ServerFilter("/api/**")
class JsonSizeFilter {

  static final long MAX_JSON = 1024 * 1024;

  @RequestFilter
  @Nullable
  HttpResponse<Problem> limit(HttpRequest<?> request) {
    long length = request.getContentLength();
    boolean multipart = request.getContentType()
        .map(t -> t.getName().equals(MediaType.MULTIPART_FORM_DATA)).orElse(false);
    if (!multipart && length > MAX_JSON) {
      return HttpResponse.<Problem>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
          .contentType(Problem.MEDIA_TYPE)
          .body(ProblemResponseProcessor.problemFor(413, null));
    }
    return null;
  }
}
