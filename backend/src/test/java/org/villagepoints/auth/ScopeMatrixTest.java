package org.villagepoints.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.villagepoints.household.HouseholdRegistry;
import org.villagepoints.household.NewHousehold;
import org.villagepoints.region.RegionAdmin;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.TestApi.Res;

/**
 * Every role against its own place and others: 立新村 (正岔街道) is home; 爱林村 is another
 * town of the same district; a second district is created here through the real services.
 */
@MicronautTest(transactional = false)
class ScopeMatrixTest extends ApiTest {

  @Inject RegionAdmin regions;
  @Inject UserAdmin users;
  @Inject HouseholdRegistry households;

  private final Map<String, String> tokens = new HashMap<>();
  private final Map<String, Long> ids = new HashMap<>();

  static final List<String> USERS = List.of("district", "zhengcha", "lixin-committee",
      "lixin-leader", "lixin-shop", "lixin-h001", "other-district");

  @BeforeAll
  void setUp() {
    long other = regions.district("测试外区");
    long town = regions.town(other, "测试镇");
    long village = regions.village(town, "测试村", "testcun");
    long group = regions.group(village, "第1组", "测试组长", 1);
    ids.put("otherVillage", village);
    ids.put("otherHousehold", households.open(new NewHousehold(village, group, "H001", "测试户主",
        null, null, List.of(new NewHousehold.NewMember("测试户主", "HEAD")))));
    users.create("other-district", "demo123", "外区管理员", Role.DISTRICT_ADMIN,
        UserAdmin.Scope.district(other));
    for (String u : USERS) {
      tokens.put(u, api().login(u, u.endsWith("-h001") ? "123456" : "demo123"));
    }
    for (JsonNode v : api().get("/api/villages", tokens.get("district")).json()) {
      ids.put(v.path("slug").asText(), v.path("id").asLong());
    }
    ids.put("lixinH001", householdId("lixin", "H001", null));
    ids.put("lixinH002", householdId("lixin", "H002", null));
    long group2 = api().get("/api/villages/" + ids.get("lixin") + "/groups",
        tokens.get("district")).json().get(1).path("id").asLong();
    ids.put("lixinGroup2Household", householdId("lixin", null, group2));
    ids.put("ailinH001", householdId("ailin", "H001", null));
  }

  private long householdId(String village, String code, Long groupId) {
    String q = "/api/villages/" + ids.get(village) + "/households?size=200"
        + (code != null ? "&q=" + code : "") + (groupId != null ? "&groupId=" + groupId : "");
    return api().get(q, tokens.get("district")).json().path("items").get(0).path("id").asLong();
  }

  static Stream<Arguments> matrix() {
    // path template, then the expected status for each user in USERS order
    return Stream.of(
        Arguments.of("/api/villages/{lixin}/groups", List.of(200, 200, 200, 200, 200, 403, 403)),
        Arguments.of("/api/villages/{ailin}/groups", List.of(200, 403, 403, 403, 403, 403, 403)),
        Arguments.of("/api/villages/{otherVillage}/groups",
            List.of(403, 403, 403, 403, 403, 403, 200)),
        Arguments.of("/api/villages/{lixin}/households",
            List.of(200, 200, 200, 200, 200, 403, 403)),
        Arguments.of("/api/villages/{ailin}/households",
            List.of(200, 403, 403, 403, 403, 403, 403)),
        Arguments.of("/api/households/{lixinH001}", List.of(200, 200, 200, 200, 200, 200, 403)),
        Arguments.of("/api/households/{lixinH002}", List.of(200, 200, 200, 200, 200, 403, 403)),
        Arguments.of("/api/households/{lixinGroup2Household}",
            List.of(200, 200, 200, 403, 200, 403, 403)),
        Arguments.of("/api/households/{ailinH001}", List.of(200, 403, 403, 403, 403, 403, 403)),
        Arguments.of("/api/households/{otherHousehold}",
            List.of(403, 403, 403, 403, 403, 403, 200)),
        Arguments.of("/api/audit", List.of(200, 200, 403, 403, 403, 403, 200)),
        Arguments.of("/api/audit?villageId={lixin}", List.of(200, 200, 403, 403, 403, 403, 403)),
        Arguments.of("/api/audit?villageId={ailin}", List.of(200, 403, 403, 403, 403, 403, 403)),
        Arguments.of("/api/me", List.of(200, 200, 200, 200, 200, 200, 200)),
        Arguments.of("/api/villages", List.of(200, 200, 200, 200, 200, 200, 200)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void everyRoleGetsExactlyItsScope(String template, List<Integer> expected) {
    String path = template;
    for (Map.Entry<String, Long> e : ids.entrySet()) {
      path = path.replace("{" + e.getKey() + "}", e.getValue().toString());
    }
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < USERS.size(); i++) {
      Res res = api().get(path, tokens.get(USERS.get(i)));
      if (res.status() != expected.get(i)) {
        mismatches.add(USERS.get(i) + " got " + res.status() + " expected " + expected.get(i));
      }
      if (res.status() == 403) {
        assertThat(res.code()).isEqualTo("FORBIDDEN");
      }
    }
    assertThat(mismatches).as(path).isEmpty();
  }

  @Test
  void villageListsFollowTheScope() {
    assertThat(names("district")).hasSize(9).contains("立新村", "爱林村", "老岭村");
    assertThat(names("zhengcha")).containsExactly("立新村", "松林示例村");
    for (String u : List.of("lixin-committee", "lixin-leader", "lixin-shop", "lixin-h001")) {
      assertThat(names(u)).as(u).containsExactly("立新村");
    }
    assertThat(names("other-district")).containsExactly("测试村");
  }

  @Test
  void aGroupLeaderListsOnlyTheOwnGroupWhateverTheFilter() {
    JsonNode me = api().get("/api/me", tokens.get("lixin-leader")).json();
    JsonNode items = api().get("/api/villages/" + ids.get("lixin") + "/households?size=200",
        tokens.get("lixin-leader")).json().path("items");
    assertThat(items.size()).isBetween(9, 11);
    items.forEach(h -> assertThat(h.path("groupId").asLong()).isEqualTo(me.path("groupId").asLong()));
  }

  private List<String> names(String user) {
    List<String> names = new ArrayList<>();
    api().get("/api/villages", tokens.get(user)).json().forEach(v -> names.add(v.path("name").asText()));
    return names;
  }
}
