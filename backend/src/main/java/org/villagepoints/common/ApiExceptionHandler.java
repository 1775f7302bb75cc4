package org.villagepoints.common;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces(Problem.MEDIA_TYPE)
@Singleton
class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<Problem>> {

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, ApiException e) {
    MutableHttpResponse<Problem> response =
        HttpResponse.<Problem>status(e.status()).contentType(Problem.MEDIA_TYPE);
    Object retryAfter = e.data().get("retryAfterSeconds");
    if (retryAfter != null) {
      response.header("Retry-After", retryAfter.toString());
    }
    return response.body(e.toProblem());
  }
}
