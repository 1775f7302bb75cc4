package org.villagepoints.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The client's IP for login throttling. Behind nginx every request comes from 127.0.0.1, so
 * with {@code VP_TRUST_PROXY=true} the {@code X-Real-IP} header set by the proxy is used;
 * without a proxy that header is ignored, since any client could forge it.
 */
@Singleton
public class ClientAddress {

  private final boolean trustProxy;

  ClientAddress(@Value("${vp.trust-proxy:false}") boolean trustProxy) {
    this.trustProxy = trustProxy;
  }

  public String of(HttpRequest<?> request) {
    if (trustProxy) {
      String real = request.getHeaders().get("X-Real-IP");
      if (real != null && !real.isBlank()) {
        return real.trim();
      }
    }
    return request.getRemoteAddress().getAddress().getHostAddress();
  }
}
