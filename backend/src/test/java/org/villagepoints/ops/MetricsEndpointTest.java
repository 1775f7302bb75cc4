package org.villagepoints.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi;
import org.villagepoints.support.TestApi.Res;

/** /prometheus answers loopback callers without proxy headers, and carries our own figures. */
@MicronautTest(transactional = false)
class MetricsEndpointTest extends ApiTest {

  @Inject Sql sql;
  @Inject JobLocks locks;

  @Test
  void loopbackScrapeShowsRequestPoolJobAndLedgerFigures() {
    Fixture f = new Fixture(sql);
    long village = f.village("ailin");
    String committee = api().login("ailin-committee", "demo123");
    String shop = api().login("ailin-shop", "demo123");
    long household = f.household("ailin", "H001");
    api().post("/api/households/" + household + "/adjustments",
        Map.of("points", 50, "reason", "指标测试"), committee);
    long soap = api().post("/api/villages/" + village + "/products",
        Map.of("name", "香皂", "unit", "块", "pricePoints", 5), shop).json().path("id").asLong();
    api().post("/api/villages/" + village + "/donations", Map.of("kind", "DONATION",
        "donorName", "示例公司", "donorType", "ENTERPRISE", "occurredOn", "2026-01-05",
        "valueYuan", 10, "items", List.of(Map.of("productId", soap, "quantity", 5))), shop);
    String villager = api().login("ailin-h001", "123456");
    String qr = api().post("/api/households/" + household + "/qr-tokens", "{}", villager).json()
        .path("token").asText();
    Res redeemed = api().post("/api/redemptions", Map.of("qrToken", qr, "items",
        List.of(Map.of("productId", soap, "quantity", 1))), shop,
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(201);
    Res refused = api().post("/api/redemptions", Map.of("qrToken", qr, "items",
        List.of(Map.of("productId", soap, "quantity", 1))), shop,
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(refused.status()).isEqualTo(409);
    locks.runExclusive("metrics-test-job", () -> { });

    // as Prometheus asks (its Accept header lists text/plain; a JSON-only Accept gets the page)
    Res scrape = api().send("GET", "/prometheus", null, null, null, Map.of("Accept",
        "text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
    assertThat(scrape.status()).isEqualTo(200);
    String text = scrape.body();
    String ours = String.join("\n", text.lines().filter(l -> l.startsWith("vp_")).toList());
    assertThat(value(text, "vp_ledger_transfers_total{kind=\"ADJUSTMENT\"")).as(ours)
        .isEqualTo(1);
    assertThat(value(text, "vp_ledger_transfers_total{kind=\"REDEMPTION\"")).as(ours)
        .isEqualTo(1);
    // the refused second use of the code rolled back: not counted
    assertThat(value(text, "vp_redemptions_total{method=\"QR\"")).isEqualTo(1);
    assertThat(value(text, "vp_job_runs_total{job=\"metrics-test-job\",outcome=\"ran\""))
        .isEqualTo(1);
    assertThat(text).contains("http_server_requests_seconds_count{", "uri=\"/api/redemptions\"",
        "hikaricp_connections_active{", "jvm_memory_used_bytes");
  }

  @Test
  void requestsForwardedByAProxyOrFromAnotherAddressAreRefused() throws Exception {
    for (String header : List.of("X-Forwarded-For", "X-Real-IP", "Forwarded")) {
      Res res = api().send("GET", "/prometheus", null, null, null,
          Map.of(header, "203.0.113.9", "Accept", "*/*"));
      assertThat(res.status()).as(header).isEqualTo(401);
      assertThat(res.body()).doesNotContain("jvm_");
    }
    String staff = api().login("district", "demo123");
    assertThat(api().send("GET", "/prometheus", null, null, staff,
        Map.of("X-Real-IP", "203.0.113.9", "Accept", "*/*")).status()).isEqualTo(403);

    Optional<InetAddress> lan = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
    Assumptions.assumeTrue(lan.isPresent(), "no non-loopback address on this machine");
    TestApi fromLan = new TestApi(URI.create("http://" + lan.get().getHostAddress() + ":"
        + server.getPort()));
    Res res = fromLan.send("GET", "/prometheus", null, null, null, Map.of("Accept", "*/*"));
    assertThat(res.status()).isEqualTo(401);
    assertThat(fromLan.get("/health", null).status()).isEqualTo(200);
  }

  private static double value(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).mapToDouble(
        l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }
}
