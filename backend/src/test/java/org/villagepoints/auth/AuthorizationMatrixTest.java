package org.villagepoints.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.villagepoints.household.HouseholdRegistry;
import org.villagepoints.region.RegionAdmin;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.AuthorizationTable;
import org.villagepoints.support.AuthorizationTable.Row;
import org.villagepoints.support.ScopePlaces;
import org.villagepoints.support.ScopePlaces.Target;
import org.villagepoints.support.TestApi.Res;

/**
 * Every endpoint × every caller × own and other places, against the expectation table in
 * {@code src/test/resources/authorization-matrix.txt} (which explains its notation). The
 * table must list every route the router knows, so a new endpoint fails here until someone
 * writes down who may call it.
 */
@MicronautTest(transactional = false)
class AuthorizationMatrixTest extends ApiTest {

  @Inject Router router;
  @Inject RegionAdmin regions;
  @Inject UserAdmin users;
  @Inject HouseholdRegistry households;

  /** Columns of the table and the demo account behind each (null: no token). */
  static final Map<String, String> CALLERS = new LinkedHashMap<>();

  static {
    CALLERS.put("DIST", "district");
    CALLERS.put("TOWN", "zhengcha");
    CALLERS.put("COMM", "lixin-committee");
    CALLERS.put("LEAD", "lixin-leader");
    CALLERS.put("SHOP", "lixin-shop");
    CALLERS.put("VILL", "lixin-h001");
    CALLERS.put("ANON", null);
  }

  /** Which targets lie inside each caller's scope, per level of the target. */
  static final Map<String, Map<String, Set<String>>> SCOPES = Map.of(
      "household", Map.of(
          "DIST", Set.of("own", "sameGroup", "otherGroup", "sameTown", "otherTown"),
          "TOWN", Set.of("own", "sameGroup", "otherGroup", "sameTown"),
          "COMM", Set.of("own", "sameGroup", "otherGroup"),
          "SHOP", Set.of("own", "sameGroup", "otherGroup"),
          "LEAD", Set.of("own", "sameGroup"),
          "VILL", Set.of("own")),
      "village", Map.of(
          "DIST", Set.of("own", "sameTown", "otherTown"),
          "TOWN", Set.of("own", "sameTown"),
          "COMM", Set.of("own"), "SHOP", Set.of("own"), "LEAD", Set.of("own"),
          "VILL", Set.of("own")),
      "district", Map.of("DIST", Set.of("own"), "TOWN", Set.of("own"), "COMM", Set.of("own"),
          "SHOP", Set.of("own"), "LEAD", Set.of("own"), "VILL", Set.of("own")));

  static final Map<String, List<String>> TARGETS = Map.of(
      "household", List.of("own", "sameGroup", "otherGroup", "sameTown", "otherTown",
          "otherDistrict"),
      "village", List.of("own", "sameTown", "otherTown", "otherDistrict"),
      "district", List.of("own", "otherDistrict"),
      "none", List.of("own"));

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private ScopePlaces places;

  @BeforeAll
  void setUp() {
    places = new ScopePlaces(api(), regions, users, households);
    CALLERS.forEach((column, user) -> tokens.put(column, user == null ? null
        : api().login(user, user.contains("-h0") ? "123456" : "demo123")));
  }

  @Test
  void theTableListsEveryEndpointOfTheRouterAndNothingElse() {
    Set<String> routes = router.uriRoutes()
        .filter(r -> !Set.of("FrontendController", "ApiFallbackController")
            .contains(r.getDeclaringType().getSimpleName()))
        .filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
        .map(r -> r.getHttpMethod() + " " + AuthorizationTable.shape(
            r.getUriMatchTemplate().toPathString()))
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> listed = AuthorizationTable.load().stream().map(Row::endpoint)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(routes).as("endpoints missing from authorization-matrix.txt")
        .isSubsetOf(listed);
    assertThat(listed).as("lines of authorization-matrix.txt naming no endpoint")
        .isSubsetOf(routes);
  }

  @TestFactory
  Stream<DynamicTest> everyCallerGetsExactlyWhatTheTableSays() {
    return AuthorizationTable.load().stream().map(row ->
        DynamicTest.dynamicTest(row.method() + " " + row.path(), () -> check(row)));
  }

  private void check(Row row) {
    String level = level(row);
    List<String> mismatches = new ArrayList<>();
    for (String targetName : TARGETS.get(level)) {
      Target target = places.target(targetName);
      // refusals first: they must change nothing, so the allowed calls still meet the data
      List<String> callers = new ArrayList<>(CALLERS.keySet());
      callers.sort((a, b) -> Boolean.compare(allowed(row, level, a, targetName),
          allowed(row, level, b, targetName)));
      for (String caller : callers) {
        boolean allow = allowed(row, level, caller, targetName);
        Res res = send(row, target, tokens.get(caller));
        int denied = caller.equals("ANON") ? 401 : 403;
        boolean ok = allow ? res.status() != 401 && res.status() != 403 && res.status() < 500
            : res.status() == denied;
        if (!ok) {
          mismatches.add(caller + " on " + targetName + " (" + fill(row.path(), target) + "): expected "
              + (allow ? "allowed" : Integer.toString(denied)) + ", got " + res.status() + " "
              + abbreviate(res.body()));
        }
      }
    }
    assertThat(mismatches).as(row.method() + " " + row.path()).isEmpty();
  }

  private static boolean allowed(Row row, String level, String caller, String target) {
    char cell = row.cell(caller);
    if (cell == 'S' && level.equals("none")) {
      throw new AssertionError("S on a line without an id: " + row.path());
    }
    return cell == 'A' || cell == 'S' && SCOPES.get(level).get(caller).contains(target);
  }

  /** The most specific kind of id the line names decides which targets it runs on. */
  static String level(Row row) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(row.path() + " " + row.body());
    while (m.find()) {
      names.add(m.group(1));
    }
    names.remove("refreshToken");
    if (names.stream().anyMatch(Set.of("household", "application", "payload", "qrToken")::contains)) {
      return "household";
    }
    if (names.stream().anyMatch(Set.of("district", "templateRule", "standardItem", "rankingRound",
        "sample")::contains)) {
      return "district";
    }
    return names.isEmpty() ? "none" : "village";
  }

  private Res send(Row row, Target target, String token) {
    String path = fill(row.path(), target);
    if (row.body().startsWith("@")) {
      boolean photo = row.body().equals("@photo");
      return api().upload(path, photo ? "photo.png" : "roster.csv",
          photo ? png() : "户编号,户主姓名,组\nX901,授权测试,第1组\n".getBytes(StandardCharsets.UTF_8),
          token);
    }
    String body = row.body().isEmpty() ? (row.method().equals("GET") ? null : "{}")
        : fill(row.body(), target);
    return api().send(row.method(), path, body == null ? null : "application/json", body, token,
        Map.of("Idempotency-Key", "authz-" + UUID.randomUUID(), "Accept", "*/*"));
  }

  private String fill(String template, Target target) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = switch (name) {
        case "qrToken" -> places.qrToken(target);
        case "refreshToken" -> places.refreshToken();
        default -> target.values().get(name);
      };
      if (value == null) {
        throw new AssertionError("no value for {" + name + "} in " + template);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  private static byte[] png() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String abbreviate(String body) {
    return body == null || body.length() <= 160 ? body : body.substring(0, 160) + "…";
  }
}
