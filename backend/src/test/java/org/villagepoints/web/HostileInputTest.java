package org.villagepoints.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.villagepoints.auth.UserAdmin;
import org.villagepoints.household.HouseholdRegistry;
import org.villagepoints.region.RegionAdmin;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.AuthorizationTable;
import org.villagepoints.support.DatabaseFingerprint;
import org.villagepoints.support.HostileRequests;
import org.villagepoints.support.HostileRequests.Request;
import org.villagepoints.support.ScopePlaces;
import org.villagepoints.support.TestDatabase;
import org.yaml.snakeyaml.Yaml;

/**
 * At least 10,000 generated hostile requests over every operation of /openapi.yml, sent by
 * every kind of caller from several threads: no answer may be a 5xx, refusals must be the
 * right ones, and no table may change. Reproduce a run with {@code -Dvp.hostile.seed=N}
 * (printed at the start); {@code -Dvp.hostile.requests=N} changes the count.
 */
@MicronautTest(transactional = false)
class HostileInputTest extends ApiTest {

  /**
   * Tables a refused request may legitimately write: login_attempts is the login throttle's
   * memory (every failed login and wrong PIN is recorded there on purpose, so that several
   * instances share the count), and event_code_failures is the same for wrong event check-in
   * codes. Every other table must be byte for byte the same.
   */
  static final Set<String> MAY_CHANGE = Set.of("login_attempts", "event_code_failures");

  /**
   * A roster import answers 200 with its report; {@code committed: false} (a dry run, or rows
   * with errors) means nothing was written.
   */
  static final Set<String> DRY = Set.of("POST /api/villages/{}/imports/households");

  @Inject RegionAdmin regions;
  @Inject UserAdmin users;
  @Inject HouseholdRegistry households;

  @Value("${datasources.default.url}")
  String databaseUrl;

  @Test
  void hostileRequestsGetNoServerErrorAndChangeNothing() throws Exception {
    ScopePlaces places = new ScopePlaces(api(), regions, users, households);
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("DIST", api().login("district", "demo123"));
    tokens.put("TOWN", api().login("zhengcha", "demo123"));
    tokens.put("COMM", api().login("lixin-committee", "demo123"));
    tokens.put("LEAD", api().login("lixin-leader", "demo123"));
    tokens.put("SHOP", api().login("lixin-shop", "demo123"));
    tokens.put("VILL", api().login("lixin-h001", "123456"));
    Map<String, Object> openapi = new Yaml().load(api().download("/openapi.yml", null).body());
    HostileRequests generator = new HostileRequests(openapi, AuthorizationTable.load(), places,
        tokens, TestDatabase.JWT_SECRET);
    long seed = Long.getLong("vp.hostile.seed", System.nanoTime());
    int count = Integer.getInteger("vp.hostile.requests", 10_500);
    System.out.printf("HostileInputTest: seed %d, %d requests (rerun: -Dvp.hostile.seed=%d)%n",
        seed, count, seed);

    Map<String, String> before = fingerprint();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger retries = new AtomicInteger();
    Map<String, AtomicInteger> perEndpoint = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> perOutcome = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(4)).build();
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      int index = i;
      pool.submit(() -> {
        Request req = generator.generate(seed, index);
        perEndpoint.computeIfAbsent(req.endpoint(), k -> new AtomicInteger()).incrementAndGet();
        String problem;
        int status;
        try {
          HttpResponse<String> res = send(http, req, retries);
          status = res.statusCode();
          problem = judge(req, status, res.headers().firstValue("Content-Type").orElse(""),
              res.body());
        } catch (Exception e) {
          status = -1;
          problem = "no answer: " + e;
        }
        perOutcome.computeIfAbsent(req.attack() + " " + (status / 100) + "xx",
            k -> new AtomicInteger()).incrementAndGet();
        if (problem != null) {
          failures.add("#" + index + " " + req.attack() + " " + req.method() + " "
              + abbreviate(req.path(), 120) + " → " + status + ": " + problem + "; body ("
              + (req.body() == null ? 0 : req.body().length) + " bytes) " + abbreviate(
                  req.body() == null ? "" : new String(req.body(), StandardCharsets.UTF_8), 200));
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
    System.out.printf("HostileInputTest: %d requests in %.1f s (%d resent on a fresh connection);"
        + " outcomes %s%n", count, (System.nanoTime() - started) / 1e9, retries.get(),
        new TreeMap<>(perOutcome));
    Map<String, String> after = fingerprint();

    List<String> shown = new ArrayList<>(failures).subList(0, Math.min(failures.size(), 40));
    assertThat(shown).as("seed " + seed + ": " + failures.size() + " bad answers").isEmpty();
    assertThat(count).isGreaterThanOrEqualTo(10_000);
    for (String endpoint : generator.endpoints()) {
      assertThat(perEndpoint.getOrDefault(endpoint, new AtomicInteger()).get())
          .as(endpoint).isGreaterThanOrEqualTo(count / generator.endpoints().size() / 3);
    }
    assertThat(after).as("tables changed by refused requests (seed " + seed + ")")
        .isEqualTo(before);
  }

  /**
   * Sends once, and once more if a pooled connection turns out closed before any answer
   * (the server may close a connection after a torn multipart upload): every generated
   * request is refused, so sending it twice is harmless.
   */
  private HttpResponse<String> send(HttpClient http, Request req, AtomicInteger retries)
      throws Exception {
    try {
      return http.send(build(req), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      retries.incrementAndGet();
      return http.send(build(req), HttpResponse.BodyHandlers.ofString());
    }
  }

  /** Null when the answer is right for the attack, else what is wrong with it. */
  private static String judge(Request req, int status, String contentType, String body) {
    if (DRY.contains(req.endpoint()) && status < 300 && body.contains("\"committed\":false")) {
      return null; // the import's report: a dry run, or refused rows, and nothing written
    }
    if (status >= 500) {
      return "server error";
    }
    if (status >= 400 && !contentType.startsWith("application/problem+json")) {
      return "error without problem+json (" + contentType + ")";
    }
    boolean effectful = !req.method().equals("GET");
    return switch (req.expect()) {
      case UNAUTHORIZED -> status == 401 ? null : "expected 401";
      case FORBIDDEN -> status == 403 ? null : "expected 403";
      case CLIENT_ERROR -> status >= 400 && status < 500 ? null : "expected a 4xx refusal";
      case NOT_SERVER_ERROR -> !effectful || status >= 400
          || req.endpoint().equals("POST /api/logout") ? null : "an effectful request succeeded";
    };
  }

  private HttpRequest build(Request req) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURI() + req.path()))
        .timeout(Duration.ofSeconds(60))
        .method(req.method(), req.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(req.body()));
    req.headers().forEach(b::header);
    return b.build();
  }

  private Map<String, String> fingerprint() {
    return DatabaseFingerprint.of(databaseUrl, TestDatabase.get().user(),
        TestDatabase.get().password(), MAY_CHANGE);
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
