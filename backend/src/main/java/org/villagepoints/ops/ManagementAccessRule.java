package org.villagepoints.ops;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Management endpoints (only {@code /prometheus} is enabled) answer the local machine only:
 * a request must come from a loopback address and carry no proxy header. nginx runs on the
 * same machine and sets {@code X-Real-IP}/{@code X-Forwarded-For} on everything it forwards,
 * so the public site cannot reach them even if a location forgot to block the path. Prometheus
 * scrapes each instance on 127.0.0.1 (or through an SSH tunnel / local agent). Decided before
 * any role rule (and regardless of a token), so a logged-in caller from outside is refused too.
 */
@Singleton
class ManagementAccessRule implements SecurityRule<HttpRequest<?>> {

  static final int ORDER = -1000;

  @Override
  public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request,
      @Nullable Authentication authentication) {
    if (request == null || !isManagement(request)) {
      return Publishers.just(SecurityRuleResult.UNKNOWN);
    }
    return Publishers.just(isLocal(request) ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
  }

  static boolean isLocal(HttpRequest<?> request) {
    var headers = request.getHeaders();
    return request.getRemoteAddress().getAddress() != null
        && request.getRemoteAddress().getAddress().isLoopbackAddress()
        && !headers.contains("X-Forwarded-For") && !headers.contains("X-Real-IP")
        && !headers.contains("Forwarded");
  }

  private static boolean isManagement(HttpRequest<?> request) {
    return request.getPath().startsWith("/prometheus") || RouteAttributes.getRouteInfo(request)
        .map(route -> route.getAnnotationMetadata().hasStereotype(Endpoint.class))
        .orElse(false);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
