package org.villagepoints.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.UserAdmin;
import org.villagepoints.common.Sql;
import org.villagepoints.export.Spreadsheets.Table;
import org.villagepoints.region.RegionAdmin;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi;
import org.villagepoints.support.TestApi.Bytes;
import org.villagepoints.support.TestApi.Res;

/** Who may export what, and bad requests refused in Chinese before anything is sent. */
@MicronautTest(transactional = false)
class ExportAccessTest extends ApiTest {

  @Inject Sql sql;
  @Inject RegionAdmin regions;
  @Inject UserAdmin users;
  private long lixin;
  private long district;
  private String committee;
  private final Map<String, String> tokens = new HashMap<>();

  @BeforeAll
  void setUp() {
    Fixture f = new Fixture(sql);
    lixin = f.village("lixin");
    district = sql.number("select district_id from villages where id = ?", lixin);
    committee = api().login("lixin-committee", "demo123");
    long other = regions.district("测试外区");
    users.create("other-district", "demo123", "外区管理员", Role.DISTRICT_ADMIN,
        UserAdmin.Scope.district(other));
    String h001 = "/api/households/" + f.household("lixin", "H001");
    JsonNode household = api().get(h001, committee).json();
    Res phone = api().send("PUT", h001, "application/json", TestApi.write(Map.of(
        "headName", household.path("headName").asText(),
        "groupId", household.path("groupId").asLong(),
        "phone", "13912345678", "lowIncome", true, "members", List.of())), committee);
    assertThat(phone.status()).as(phone.body()).isEqualTo(200);
  }

  private String token(String user) {
    return tokens.computeIfAbsent(user,
        u -> api().login(u, u.contains("-h0") ? "123456" : "demo123"));
  }

  private int status(String user, String path) {
    return api().bytes(path, token(user)).status();
  }

  private String book(String name) {
    return "/api/villages/" + lixin + "/exports/" + name;
  }

  @Test
  void theVillagesCommitteeAndStaffInScopeMayExportOthersMayNot() {
    String path = book("ledger.xlsx");
    assertThat(status("lixin-committee", path)).isEqualTo(200);
    assertThat(status("zhengcha", path)).isEqualTo(200);
    assertThat(status("district", path)).isEqualTo(200);
    assertThat(status("ailin-committee", path)).isEqualTo(403);
    assertThat(status("chengqiang", path)).isEqualTo(403);
    assertThat(status("other-district", path)).isEqualTo(403);
    assertThat(status("lixin-shop", path)).isEqualTo(403);
    assertThat(status("lixin-leader", path)).isEqualTo(403);
    assertThat(status("lixin-h001", path)).isEqualTo(403);
    assertThat(api().bytes(path, null).status()).isEqualTo(401);
    assertThat(status("lixin-committee", "/api/villages/999999/exports/ledger.csv"))
        .isEqualTo(404);
  }

  @Test
  void onlyTheDistrictsOwnAdministratorsExportItsSummary() {
    String path = "/api/districts/" + district + "/exports/summary.xlsx";
    assertThat(status("district", path)).isEqualTo(200);
    assertThat(status("other-district", path)).isEqualTo(403);
    assertThat(status("zhengcha", path)).isEqualTo(403);
    assertThat(status("lixin-committee", path)).isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-13", "202611", "26-11", "2026-1", "1999-12", "abc", "2026-11-01"})
  void aBadMonthIsRefusedInChinese(String month) {
    for (String path : List.of(book("ledger.xlsx"), book("stock.csv"))) {
      Res res = api().download(path + "?month=" + month, committee);
      assertThat(res.status()).isEqualTo(400);
      assertThat(res.contentType()).startsWith("application/problem+json");
      assertThat(res.code()).isEqualTo("BAD_MONTH");
      assertThat(res.json().path("detail").asText()).contains("月份").contains("2026-03");
    }
    Res summary = api().download("/api/districts/" + district + "/exports/summary.csv?month="
        + month, token("district"));
    assertThat(summary.code()).isEqualTo("BAD_MONTH");
  }

  @Test
  void anUnknownBookIsNotFoundAndNoMonthMeansThisMonth() {
    Res res = api().download(book("secrets.xlsx"), committee);
    assertThat(res.status()).isEqualTo(404);
    assertThat(res.code()).isEqualTo("EXPORT_NOT_FOUND");
    assertThat(res.json().path("detail").asText()).contains("ledger");
    Bytes now = api().bytes(book("households.csv"), committee);
    assertThat(now.status()).isEqualTo(200);
    assertThat(now.header("Content-Disposition")).contains("-households-"
        + java.time.YearMonth.now(Sql.ZONE) + ".csv");
  }

  @Test
  void townStaffGetTheRosterWithoutPrivateFields() {
    Table committeeView = Spreadsheets.csv(api().bytes(book("households.csv"), committee).body());
    assertThat(committeeView.header()).contains("低保户");
    assertThat(committeeView.rows().get(0).get(4)).isEqualTo("13912345678");
    Table town = Spreadsheets.csv(api().bytes(book("households.csv"),
        token("zhengcha")).body());
    assertThat(town.header()).doesNotContain("低保户");
    assertThat(town.rows().get(0).get(4)).isEqualTo("139****5678");
    assertThat(town.rows()).hasSameSizeAs(committeeView.rows());
  }
}
