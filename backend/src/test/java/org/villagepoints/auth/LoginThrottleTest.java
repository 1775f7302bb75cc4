package org.villagepoints.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.TestApi.Res;

/** Runs behind a trusted proxy so each test can choose the client IP (X-Real-IP). */
@MicronautTest(transactional = false)
class LoginThrottleTest extends ApiTest {

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of("vp.trust-proxy", "true");
  }

  private Res login(String username, String password, String ip) {
    return api().post("/api/login", Map.of("username", username, "password", password), null,
        Map.of("X-Real-IP", ip));
  }

  @Test
  void fiveWrongPasswordsForOneUsernameBlockItEvenWithTheRightPassword() {
    for (int i = 0; i < 5; i++) {
      assertThat(login("lixin-h002", "000000", "10.0.1." + i).status()).isEqualTo(401);
    }
    Res blocked = login("lixin-h002", "123456", "10.0.1.99");
    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.code()).isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(blocked.json().path("detail").asText()).contains("分钟后再试");
    assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 300);
    // Another household is not affected.
    assertThat(login("lixin-h003", "123456", "10.0.1.98").status()).isEqualTo(200);
  }

  @Test
  void fiveFailuresFromOneAddressBlockThatAddressForEveryUsername() {
    for (int i = 0; i < 5; i++) {
      assertThat(login("ailin-h00" + (i + 1), "999999", "10.0.2.1").status()).isEqualTo(401);
    }
    assertThat(login("ailin-committee", "demo123", "10.0.2.1").status()).isEqualTo(429);
    assertThat(login("ailin-committee", "demo123", "10.0.2.2").status()).isEqualTo(200);
  }

  @Test
  void aSuccessfulLoginClearsTheUsernameCount() {
    for (int i = 0; i < 4; i++) {
      assertThat(login("laoling-shop", "wrong", "10.0.3." + i).status()).isEqualTo(401);
    }
    assertThat(login("laoling-shop", "demo123", "10.0.3.50").status()).isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      assertThat(login("laoling-shop", "wrong", "10.0.3." + (10 + i)).status()).isEqualTo(401);
    }
    assertThat(login("laoling-shop", "demo123", "10.0.3.51").status()).isEqualTo(200);
  }
}
