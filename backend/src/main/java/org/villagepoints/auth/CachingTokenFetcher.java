package org.villagepoints.auth;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.TokenValidatedEvent;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;

/**
 * Micronaut's token fetcher, remembering access tokens it has already validated. Every API
 * request carries the same bearer token for up to 15 minutes, and checking it (parse, HMAC,
 * claims, roles) was about a tenth of the service's CPU per request on the counter and
 * meeting paths. A token is remembered by its exact text (signature included, so nothing but
 * that very token matches) until its own expiry ({@code exp}); after that it is validated
 * again, which refuses it. Nothing else changes: unknown, forged and expired tokens go through
 * the full check, and a cache hit does not publish {@link TokenValidatedEvent} (nothing here
 * listens to it). At most {@link #MAX_TOKENS} tokens are kept; beyond that the expired ones
 * are dropped, and if that is not enough, all of them.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
class CachingTokenFetcher extends TokenAuthenticationFetcher {

  static final int MAX_TOKENS = 20_000;
  private static final String BEARER = "Bearer ";

  private record Validated(Authentication authentication, long expiresAtSecond) {}

  private final Map<String, Validated> validated = new ConcurrentHashMap<>();

  CachingTokenFetcher(List<TokenValidator<HttpRequest<?>>> tokenValidators,
      TokenResolver<HttpRequest<?>> tokenResolver,
      ApplicationEventPublisher<TokenValidatedEvent> tokenValidatedEventPublisher,
      HttpHostResolver httpHostResolver, HttpLocaleResolver httpLocaleResolver) {
    super(tokenValidators, tokenResolver, tokenValidatedEventPublisher, httpHostResolver,
        httpLocaleResolver);
  }

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.startsWith(BEARER)) {
      return super.fetchAuthentication(request);
    }
    String token = header.substring(BEARER.length()).trim();
    long now = Instant.now().getEpochSecond();
    Validated known = validated.get(token);
    if (known != null) {
      if (now < known.expiresAtSecond()) {
        request.setAttribute(SecurityFilter.TOKEN, token);
        return Publishers.just(known.authentication());
      }
      validated.remove(token);
    }
    return Publishers.map(super.fetchAuthentication(request), authentication -> {
      remember(token, authentication, now);
      return authentication;
    });
  }

  /** Number of tokens remembered now (tests). */
  int size() {
    return validated.size();
  }

  private void remember(String token, Authentication authentication, long now) {
    long expires = expiry(authentication.getAttributes().get("exp"));
    if (expires <= now) {
      return; // no expiry claim: never remembered
    }
    if (validated.size() >= MAX_TOKENS) {
      validated.values().removeIf(v -> v.expiresAtSecond() <= now);
      if (validated.size() >= MAX_TOKENS) {
        validated.clear();
      }
    }
    validated.put(token, new Validated(authentication, expires));
  }

  private static long expiry(Object exp) {
    if (exp instanceof Date date) {
      return date.toInstant().getEpochSecond();
    }
    if (exp instanceof Instant instant) {
      return instant.getEpochSecond();
    }
    if (exp instanceof Number number) {
      return number.longValue();
    }
    return 0;
  }
}
