package org.villagepoints.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.TestApi;

/** Every API endpoint declares who may call it; only a known few are open to anyone. */
@MicronautTest(transactional = false)
class EndpointSecurityTest extends ApiTest {

  @Inject Router router;

  static final Set<String> ANONYMOUS = Set.of(
      "POST /api/login", "POST /api/token/refresh", "POST /api/logout",
      "GET /api/public/villages/{id}/notices");

  @Test
  void everyApiEndpointDeclaresItsRolesAndOnlyKnownOnesAreAnonymous() {
    List<String> undeclared = new ArrayList<>();
    Set<String> anonymous = new TreeSet<>();
    router.uriRoutes()
        .filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/"))
        .filter(r -> !r.getDeclaringType().equals(ApiFallbackController.class))
        .filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
        .forEach(r -> {
          String name = r.getHttpMethod() + " " + r.getUriMatchTemplate().toPathString();
          String[] roles = roles(r);
          if (roles.length == 0) {
            undeclared.add(name);
          } else if (Arrays.asList(roles).contains(SecurityRule.IS_ANONYMOUS)) {
            anonymous.add(name);
          }
        });
    assertThat(undeclared).isEmpty();
    assertThat(anonymous).isEqualTo(new TreeSet<>(ANONYMOUS));
  }

  @Test
  void builtInManagementEndpointsAreNotServed() {
    String token = api().login("lixin-h001", "123456");
    for (String path : List.of("/beans", "/routes", "/threaddump", "/flyway", "/info",
        "/token_info")) {
      TestApi.Res res = api().get(path, token);
      assertThat(res.status()).as(path).isIn(200, 404);
      assertThat(res.body()).as(path).doesNotContain("\"uid\"", "\"beans\"", "\"routes\"");
    }
    assertThat(api().post("/refresh", "{}", token).status()).isIn(404, 405);
  }

  private static String[] roles(UriRouteInfo<?, ?> route) {
    return route.getTargetMethod().stringValues(Secured.class);
  }
}
