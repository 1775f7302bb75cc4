package org.villagepoints.ops;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Adds {@code X-Read-Source: replica|primary} to answers read through {@link ReadRouting}. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ReadSourceHeader {

  @ResponseFilter
  void addSource(HttpRequest<?> request, MutableHttpResponse<?> response) {
    request.getAttribute(ReadRouting.ATTRIBUTE, String.class)
        .ifPresent(source -> response.header("X-Read-Source", source));
  }
}
