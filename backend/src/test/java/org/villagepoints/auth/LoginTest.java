package org.villagepoints.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.TestApi.Res;

@MicronautTest(transactional = false)
class LoginTest extends ApiTest {

  @Inject JwtTokenGenerator jwt;
  @Inject CachingTokenFetcher fetcher;

  @Test
  void committeeLogsInAndSeesItsVillageInMe() {
    Res login = api().post("/api/login",
        Map.of("username", "lixin-committee", "password", "demo123"), null);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().path("token_type").asText()).isEqualTo("Bearer");
    assertThat(login.json().path("refresh_token").asText()).hasSizeGreaterThan(20);
    assertThat(login.json().path("role").asText()).isEqualTo("VILLAGE_COMMITTEE");

    Res me = api().get("/api/me", login.json().path("access_token").asText());
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().path("villageName").asText()).isEqualTo("立新村");
    assertThat(me.json().path("townName").asText()).isEqualTo("正岔街道");
    assertThat(me.json().path("districtName").asText()).isEqualTo("江源区");
    assertThat(me.json().path("householdId").isNull()).isTrue();
  }

  @Test
  void villagerLogsInWithHouseholdPin() {
    Res me = api().get("/api/me", api().login("lixin-h001", "123456"));
    assertThat(me.json().path("role").asText()).isEqualTo("VILLAGER");
    assertThat(me.json().path("householdCode").asText()).isEqualTo("H001");
    assertThat(me.json().path("groupName").asText()).isEqualTo("第1组");
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameAnswer() {
    Res wrong = api().post("/api/login",
        Map.of("username", "ailin-shop", "password", "nope"), null);
    Res unknown = api().post("/api/login",
        Map.of("username", "nobody-at-all", "password", "nope"), null);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.contentType()).startsWith("application/problem+json");
    assertThat(wrong.code()).isEqualTo("BAD_CREDENTIALS");
    assertThat(wrong.json().path("detail").asText()).isEqualTo("用户名或密码错误");
    assertThat(unknown.body()).isEqualTo(wrong.body());
  }

  @Test
  void refreshTokenRotatesAndTheOldOneStopsWorking() {
    Res login = api().post("/api/login",
        Map.of("username", "zhengcha", "password", "demo123"), null);
    String refresh = login.json().path("refresh_token").asText();
    Res first = api().post("/api/token/refresh", Map.of("refresh_token", refresh), null);
    assertThat(first.status()).isEqualTo(200);
    assertThat(api().get("/api/me", first.json().path("access_token").asText()).status())
        .isEqualTo(200);
    Res replay = api().post("/api/token/refresh", Map.of("refresh_token", refresh), null);
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.code()).isEqualTo("REFRESH_TOKEN_INVALID");
    // A replayed token means a stolen copy: the newer token is revoked too.
    String newer = first.json().path("refresh_token").asText();
    assertThat(api().post("/api/token/refresh", Map.of("refresh_token", newer), null).status())
        .isEqualTo(401);
  }

  @Test
  void logoutRevokesTheRefreshToken() {
    Res login = api().post("/api/login",
        Map.of("username", "chengqiang", "password", "demo123"), null);
    String refresh = login.json().path("refresh_token").asText();
    assertThat(api().post("/api/logout", Map.of("refresh_token", refresh), null).status())
        .isEqualTo(204);
    assertThat(api().post("/api/token/refresh", Map.of("refresh_token", refresh), null).status())
        .isEqualTo(401);
  }

  @Test
  void expiredAccessTokenIsRefused() {
    String expired = jwt.generateToken(Map.of("sub", "district", "roles", java.util.List.of(
            "DISTRICT_ADMIN"), "uid", 1, "role", "DISTRICT_ADMIN", "district", 1,
            "exp", Instant.now().minusSeconds(60).getEpochSecond()))
        .orElseThrow();
    Res res = api().get("/api/me", expired);
    assertThat(res.status()).isEqualTo(401);
    assertThat(res.code()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void tokenSignedWithAnotherSecretIsRefused() {
    String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaXN0cmljdCIsInJvbGVzIjpbIkRJU1RSSUNUX0FE"
        + "TUlOIl19.c2lnbmF0dXJlLW9mLWFub3RoZXItc2VjcmV0LXh4eHh4eHh4eHh4eHh4";
    assertThat(api().get("/api/me", forged).status()).isEqualTo(401);
  }

  @Test
  void aRememberedTokenStopsWorkingAtItsOwnExpiry() throws InterruptedException {
    long exp = Instant.now().getEpochSecond() + 2;
    String token = jwt.generateToken(Map.of("sub", "district", "roles", java.util.List.of(
            "DISTRICT_ADMIN"), "uid", 1, "role", "DISTRICT_ADMIN", "district", 1, "exp", exp))
        .orElseThrow();
    int before = fetcher.size();
    assertThat(api().get("/api/me", token).status()).isEqualTo(200);
    assertThat(fetcher.size()).as("validated once, then remembered").isEqualTo(before + 1);
    Res again = api().get("/api/me", token);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("role").asText()).isEqualTo("DISTRICT_ADMIN");
    while (Instant.now().getEpochSecond() <= exp) {
      Thread.sleep(100);
    }
    Res late = api().get("/api/me", token);
    assertThat(late.status()).isEqualTo(401);
    assertThat(late.code()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void aRememberedTokenWithAnAlteredSignatureOrClaimIsRefused() {
    String token = api().login("lixin-committee", "demo123");
    assertThat(api().get("/api/me", token).status()).isEqualTo(200);
    String[] parts = token.split("\\.");
    char last = parts[2].charAt(parts[2].length() - 2);
    String otherSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0,
        parts[2].length() - 2) + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
    assertThat(api().get("/api/me", otherSignature).status()).isEqualTo(401);
    String districtClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"sub\":\"lixin-committee\",\"role\":\"DISTRICT_ADMIN\",\"roles\":[\"DISTRICT_ADMIN\"]}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(api().get("/api/me", parts[0] + "." + districtClaims + "." + parts[2]).status())
        .isEqualTo(401);
    assertThat(api().get("/api/me", token).status()).isEqualTo(200);
  }
}
