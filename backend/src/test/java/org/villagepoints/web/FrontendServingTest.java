package org.villagepoints.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.TestApi.Res;

@MicronautTest(transactional = false)
class FrontendServingTest extends ApiTest {

  @Inject Router router;

  @Test
  void theRootServesTheBuiltApp() {
    Res res = api().get("/", null);
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.contentType()).startsWith("text/html");
    assertThat(res.body()).contains("id=\"app\"");
  }

  @Test
  void appRoutesFallBackToIndexSoReloadsWork() {
    Res res = api().get("/committee/households?page=2", null);
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body()).contains("id=\"app\"");
    assertThat(res.header("Cache-Control")).isEqualTo("no-cache");
  }

  @Test
  void missingAssetsAndUnknownApiPathsAre404Problems() {
    assertThat(api().get("/assets/nope-123.js", null).status()).isEqualTo(404);
    Res api = api().get("/api/definitely-not-here", null);
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.contentType()).startsWith("application/problem+json");
  }

  @Test
  void healthIsUpWithoutLogin() {
    Res res = api().get("/health", null);
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("status").asText()).isEqualTo("UP");
    assertThat(res.json().path("primary").asText()).isEqualTo("UP");
    assertThat(res.json().path("replica").asText()).isEqualTo("NOT_CONFIGURED");
  }

  @Test
  void theOpenApiDocumentCoversEveryApiEndpoint() {
    Res res = api().get("/openapi.yml", null);
    assertThat(res.status()).isEqualTo(200);
    String doc = res.body();
    List<String> routes = router.uriRoutes()
        .filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/"))
        .filter(r -> !r.getDeclaringType().equals(ApiFallbackController.class))
        .filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
        .map(r -> r.getHttpMethod() + " " + r.getUriMatchTemplate().toPathString())
        .distinct().collect(Collectors.toList());
    assertThat(routes).hasSizeGreaterThan(5);
    for (String route : routes) {
      String path = route.substring(route.indexOf(' ') + 1);
      String method = route.substring(0, route.indexOf(' ')).toLowerCase();
      assertThat(doc).as(route).contains("  " + path + ":");
      int at = doc.indexOf("  " + path + ":");
      int next = doc.indexOf("\n  /", at + 3);
      String block = doc.substring(at, next < 0 ? doc.length() : next);
      assertThat(block).as(route).contains("    " + method + ":");
    }
  }
}
