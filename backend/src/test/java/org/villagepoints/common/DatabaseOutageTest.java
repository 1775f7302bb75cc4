package org.villagepoints.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.shop.QrTokens;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.DatabaseOutage;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

/**
 * While PostgreSQL is away the service answers 503 DATABASE_UNAVAILABLE with Retry-After,
 * never a 500 and never after Hikari's default 30 s; a write refused that way changes nothing,
 * and the client's retry with the same Idempotency-Key works once the database is back.
 */
@MicronautTest(transactional = false)
class DatabaseOutageTest extends ApiTest {

  /** Well above the 1 s connection timeout below, far below Hikari's default of 30 s. */
  private static final long NO_HANG_MS = 10_000;

  @Inject Sql sql;
  @Inject QrTokens qrTokens;

  @Value("${datasources.default.url}")
  String url;

  private Fixture f;
  private long village;
  private String district;
  private String committee;
  private String shop;
  private long soap;

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of("vp.db-connection-timeout-ms", "1000");
  }

  @BeforeAll
  void stockTheShop() {
    f = new Fixture(sql);
    village = f.village("taoyuan");
    district = api().login("district", "demo123");
    committee = api().login("taoyuan-committee", "demo123");
    shop = api().login("taoyuan-shop", "demo123");
    soap = api().post("/api/villages/" + village + "/products",
        Map.of("name", "香皂", "unit", "块", "pricePoints", 5), shop).json().path("id").asLong();
    Res donation = api().post("/api/villages/" + village + "/donations", Map.of(
        "kind", "DONATION", "donorName", "示例爱心人士", "donorType", "PERSON",
        "occurredOn", "2026-11-01", "items", List.of(Map.of("productId", soap, "quantity", 10))),
        shop);
    assertThat(donation.status()).as(donation.body()).isEqualTo(201);
  }

  private static void assertUnavailable(Res res) {
    assertThat(res.status()).as(res.body()).isEqualTo(503);
    assertThat(res.contentType()).startsWith("application/problem+json");
    assertThat(res.code()).isEqualTo("DATABASE_UNAVAILABLE");
    assertThat(res.json().path("status").asInt()).isEqualTo(503);
    assertThat(res.json().path("detail").asText()).isEqualTo("数据库暂时不可用，请稍后重试");
    assertThat(res.header("Retry-After")).isEqualTo("5");
    assertThat(res.body()).doesNotContain("Exception").doesNotContain("PSQL");
  }

  private Res timed(java.util.function.Supplier<Res> call) {
    long t0 = System.nanoTime();
    Res res = call.get();
    assertThat((System.nanoTime() - t0) / 1_000_000).as("answered without hanging")
        .isLessThan(NO_HANG_MS);
    return res;
  }

  private void awaitHealthy() {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (api().get("/health", null).status() != 200) {
      assertThat(System.nanoTime()).as("healthy again after the outage").isLessThan(deadline);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void whileTheDatabaseIsAwayEveryAnswerIs503WithRetryAfterAndTheServiceRecovers() {
    assertThat(api().get("/api/villages", district).status()).isEqualTo(200);
    try (DatabaseOutage outage = DatabaseOutage.of(url)) {
      Res health = timed(() -> api().get("/health", null));
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.json().path("status").asText()).isEqualTo("DOWN");
      assertUnavailable(timed(() -> api().get("/api/villages", district)));
      assertUnavailable(timed(() -> api().get("/api/households/1", district)));
      // a login must not turn into "wrong password" (401) or count as a failed attempt
      assertUnavailable(timed(() -> api().post("/api/login",
          Map.of("username", "district", "password", "demo123"), null)));
      Res head = timed(() -> api().send("HEAD", "/api/villages", null, null, district));
      assertThat(head.status()).isEqualTo(503);
      assertThat(head.header("Retry-After")).isEqualTo("5");
    }
    awaitHealthy();
    assertThat(api().get("/health", null).json().path("status").asText()).isEqualTo("UP");
    assertThat(api().get("/api/villages", district).status()).isEqualTo(200);
    assertThat(api().login("district", "demo123")).isNotBlank();
  }

  @Test
  void aRedemptionRefusedWhileTheDatabaseIsAwayChangesNothingAndItsRetryWithTheSameKeyWorks() {
    long household = f.household("taoyuan", "H001");
    api().post("/api/households/" + household + "/adjustments",
        Map.of("points", 100, "reason", "测试发放"), committee);
    String token = qrTokens.issue(household, village).token();
    Map<String, Object> body = Map.of("qrToken", token,
        "items", List.of(Map.of("productId", soap, "quantity", 2)));
    String key = "outage-" + UUID.randomUUID();
    Map<String, String> headers = Map.of("Idempotency-Key", key);
    long stock = stock();

    try (DatabaseOutage outage = DatabaseOutage.of(url)) {
      assertUnavailable(timed(() -> api().post("/api/redemptions", body, shop, headers)));
    }
    awaitHealthy();
    assertThat(f.balance(household)).isEqualTo(100);
    assertThat(stock()).isEqualTo(stock);
    assertThat(sql.number("select count(*) from idempotency_keys where key = ?", key))
        .as("the key is not spent").isZero();
    assertThat(sql.number("select count(*) from redemptions where household_id = ?", household))
        .isZero();

    Res retry = api().post("/api/redemptions", body, shop, headers);
    assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    Res again = api().post("/api/redemptions", body, shop, headers);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().path("id").asLong()).isEqualTo(retry.json().path("id").asLong());
    assertThat(f.balance(household)).isEqualTo(90);
    assertThat(stock()).isEqualTo(stock - 2);
    assertThat(sql.number("select count(*) from redemptions where household_id = ?", household))
        .isEqualTo(1);
  }

  private long stock() {
    return sql.number("select stock from products where id = ?", soap);
  }
}
