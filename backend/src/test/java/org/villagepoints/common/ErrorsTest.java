package org.villagepoints.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.TestApi.Res;

/** Every error class answers problem+json with a stable code, a Chinese detail, no trace. */
@MicronautTest(transactional = false)
class ErrorsTest extends ApiTest {

  private String district;
  private String committee;

  @BeforeAll
  void logIn() {
    district = api().login("district", "demo123");
    committee = api().login("lixin-committee", "demo123");
  }

  private static void assertProblem(Res res, int status, String code) {
    assertThat(res.status()).as(res.body()).isEqualTo(status);
    assertThat(res.contentType()).startsWith("application/problem+json");
    assertThat(res.code()).isEqualTo(code);
    assertThat(res.json().path("status").asInt()).isEqualTo(status);
    assertThat(res.json().path("detail").asText()).containsPattern("\\p{IsHan}");
    assertThat(res.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void malformedJsonIs400() {
    assertProblem(api().send("POST", "/api/login", "application/json", "{\"username\":", null),
        400, "MALFORMED_JSON");
  }

  @Test
  void wrongJsonTypesAre400() {
    assertProblem(api().send("POST", "/api/login", "application/json",
        "{\"username\": [1], \"password\": {}}", null), 400, "MALFORMED_JSON");
  }

  @Test
  void missingFieldsAre400WithTheFieldNamed() {
    Res res = api().post("/api/login", Map.of("username", ""), null);
    assertProblem(res, 400, "VALIDATION_FAILED");
    assertThat(res.json().path("detail").asText()).contains("username").contains("不能为空");
  }

  @Test
  void badPathOrQueryValuesAre400() {
    assertProblem(api().get("/api/villages/abc/groups", district), 400, "INVALID_VALUE");
    assertProblem(api().get("/api/villages/1/households?page=-1", district), 400, "BAD_PAGE");
    assertProblem(api().get("/api/villages/1/households?size=100000", district), 400, "BAD_PAGE");
  }

  @Test
  void noTokenIs401() {
    assertProblem(api().get("/api/me", null), 401, "UNAUTHORIZED");
  }

  @Test
  void wrongRoleIs403() {
    assertProblem(api().get("/api/audit", committee), 403, "FORBIDDEN");
  }

  @Test
  void unknownIdsAndPathsAre404() {
    assertProblem(api().get("/api/villages/987654/groups", district), 404, "VILLAGE_NOT_FOUND");
    assertProblem(api().get("/api/households/987654", district), 404, "HOUSEHOLD_NOT_FOUND");
    assertProblem(api().get("/api/no-such-thing", district), 404, "NOT_FOUND");
    assertProblem(api().send("POST", "/api/no-such-thing", "application/json", "{}", district),
        404, "NOT_FOUND");
  }

  @Test
  void wrongMethodIs405() {
    assertProblem(api().send("DELETE", "/api/login", null, null, null), 405,
        "METHOD_NOT_ALLOWED");
  }

  @Test
  void bodiesOverOneMegabyteAre413() {
    String huge = "{\"username\":\"" + "x".repeat(1_100_000) + "\",\"password\":\"x\"}";
    assertProblem(api().send("POST", "/api/login", "application/json", huge, null), 413,
        "PAYLOAD_TOO_LARGE");
  }

  @Test
  void nulCharactersAre400AndChangeNothing() {
    assertProblem(api().get("/api/villages/1/applications?status=%00", committee), 400,
        "INVALID_CHARACTER");
    assertProblem(api().post("/api/login", Map.of("username", "li\u0000xin", "password", "x"),
        null), 400, "INVALID_CHARACTER");
    int before = api().get("/api/villages/1/products", committee).json().size();
    assertProblem(api().post("/api/villages/1/products", Map.of("name", "香\u0000皂",
        "pricePoints", 5), committee), 400, "INVALID_CHARACTER");
    assertThat(api().get("/api/villages/1/products", committee).json().size()).isEqualTo(before);
    long balance = api().get("/api/households/1", committee).json().path("balance").asLong();
    assertProblem(api().post("/api/households/1/adjustments", Map.of("points", 5, "reason",
        "补\u0000录"), committee), 400, "INVALID_CHARACTER");
    assertThat(api().get("/api/households/1", committee).json().path("balance").asLong())
        .isEqualTo(balance);
  }

  @Test
  void nonJsonBodiesAre415() {
    assertProblem(api().send("POST", "/api/login", "text/plain", "username=a", null), 415,
        "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void conflictsAndRuleViolationsKeepTheirCodeAndDetail() {
    Problem conflict = ProblemResponseProcessor.problemFor(409,
        ApiException.conflict("INSUFFICIENT_POINTS", "余额不足：还差 12 分", Map.of("missing", 12)));
    assertThat(conflict.code()).isEqualTo("INSUFFICIENT_POINTS");
    assertThat(conflict.detail()).isEqualTo("余额不足：还差 12 分");
    assertThat(conflict.data()).containsEntry("missing", 12);
    Problem rule = ProblemResponseProcessor.problemFor(422,
        ApiException.unprocessable("IDEMPOTENCY_KEY_REUSED", "这个请求编号已用于另一笔操作"));
    assertThat(rule.status()).isEqualTo(422);
    assertThat(rule.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(ProblemResponseProcessor.problemFor(500, new IllegalStateException("secret")))
        .satisfies(p -> assertThat(p.detail()).doesNotContain("secret"));
  }
}
