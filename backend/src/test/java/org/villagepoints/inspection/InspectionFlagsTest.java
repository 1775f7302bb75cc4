package org.villagepoints.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.villagepoints.inspection.InspectionApiTest.finding;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.dashboard.Figures;
import org.villagepoints.dashboard.Period;
import org.villagepoints.dashboard.VillageFigures;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

/**
 * The flags (open and overdue tasks, last visit, months without a visit) for fixed dates, in
 * the dashboards' JSON, and the ranking's inspection figure against the documented formula.
 */
@MicronautTest(transactional = false)
class InspectionFlagsTest extends ApiTest {

  static final LocalDate TODAY = LocalDate.now(Sql.ZONE);

  @Inject Sql sql;
  @Inject Figures figures;

  private long village(String slug) {
    return new Fixture(sql).village(slug);
  }

  private JsonNode visit(String slug, LocalDate day, List<?> findings) {
    Res res = api().post("/api/villages/" + village(slug) + "/inspections", Map.of("kind",
        "ROUTINE", "visitedOn", day.toString(), "findings", findings),
        api().login("district", "demo123"));
    assertThat(res.status()).as(res.body()).isEqualTo(201);
    return res.json();
  }

  private VillageFigures flags(long village, String from, String to, LocalDate today) {
    return figures.villages(Figures.Scope.VILLAGE, village, Period.parse(from, to), today).get(0);
  }

  @Test
  void overdueTasksAndMonthsWithoutInspectionFollowTheCalendar() {
    long xinglin = village("xinglin");
    VillageFigures none = flags(xinglin, "2025-01", "2025-06", LocalDate.of(2025, 7, 1));
    assertThat(none.monthsWithoutInspection()).isEqualTo(6);
    assertThat(none.lastInspection()).isNull();
    assertThat(none.openTasks()).isZero();

    visit("xinglin", LocalDate.of(2025, 1, 10), List.of(finding("SANITATION", "HIGH", "垃圾")));
    visit("xinglin", LocalDate.of(2025, 1, 28), List.of());
    visit("xinglin", LocalDate.of(2025, 3, 5), List.of(finding("RECORDS", "LOW", "台账")));
    // HIGH: due 2025-01-17; LOW: due 2025-04-04
    VillageFigures jan17 = flags(xinglin, "2025-01", "2025-06", LocalDate.of(2025, 1, 17));
    assertThat(jan17.openTasks()).isEqualTo(2);
    assertThat(jan17.overdueTasks()).isZero();
    assertThat(jan17.monthsWithoutInspection()).as("no month has ended yet").isZero();
    VillageFigures jan18 = flags(xinglin, "2025-01", "2025-06", LocalDate.of(2025, 1, 18));
    assertThat(jan18.overdueTasks()).isEqualTo(1);

    VillageFigures jun25 = flags(xinglin, "2025-01", "2025-06", LocalDate.of(2025, 6, 25));
    assertThat(jun25.monthsWithoutInspection()).as("Feb, Apr, May").isEqualTo(3);
    assertThat(jun25.overdueTasks()).isEqualTo(2);
    assertThat(jun25.lastInspection()).isEqualTo(LocalDate.of(2025, 3, 5));
    VillageFigures jun26 = flags(xinglin, "2025-01", "2025-06", LocalDate.of(2025, 6, 26));
    assertThat(jun26.monthsWithoutInspection()).as("June counts from its 26th").isEqualTo(4);
    VillageFigures feb = flags(xinglin, "2025-02", "2025-02", LocalDate.of(2025, 12, 1));
    assertThat(feb.monthsWithoutInspection()).isEqualTo(1);
    assertThat(feb.lastInspection()).isEqualTo(LocalDate.of(2025, 1, 28));
    VillageFigures future = flags(xinglin, "2025-08", "2025-09", LocalDate.of(2025, 7, 30));
    assertThat(future.monthsWithoutInspection()).isZero();

    // the same figures in the dashboards' JSON (today is the real today: both tasks overdue)
    String town = api().login("shilizhen", "demo123");
    JsonNode dashboard = api().get("/api/villages/" + xinglin + "/dashboard?from=2025-01&to=2025-06",
        town).json();
    assertThat(dashboard.path("openTasks").asLong()).isEqualTo(2);
    assertThat(dashboard.path("overdueTasks").asLong()).isEqualTo(2);
    assertThat(dashboard.path("lastInspection").asText()).isEqualTo("2025-03-05");
    assertThat(dashboard.path("monthsWithoutInspection").asLong()).isEqualTo(4);
    long townId = sql.number("select town_id from villages where id = ?", xinglin);
    JsonNode area = api().get("/api/towns/" + townId + "/dashboard?from=2025-01&to=2025-06", town)
        .json();
    Map<String, Long> without = new HashMap<>();
    for (JsonNode v : area.path("villages")) {
      without.put(v.path("villageName").asText(), v.path("monthsWithoutInspection").asLong());
    }
    assertThat(without).containsEntry("杏林示例村", 4L).containsEntry("桃园示例村", 6L);
    JsonNode overdue = api().get("/api/towns/" + townId + "/tasks?overdue=true", town).json();
    assertThat(overdue).hasSize(2);
    assertThat(overdue.get(0).path("severity").asText()).as("earliest deadline first")
        .isEqualTo("HIGH");
    assertThat(overdue.get(0).path("overdue").asBoolean()).isTrue();
  }

  @Test
  void theRankingScoresInspectionsByTheDocumentedFormula() {
    // laoling: MEDIUM still open after its deadline (2 × 2) + LOW done in time (1) = 5 → 0.5
    LocalDate early = TODAY.minusDays(20);
    Map<String, Object> overdue = new HashMap<>(finding("FACILITIES", "MEDIUM", "路灯坏"));
    overdue.put("deadline", TODAY.minusDays(1).toString());
    visit("laoling", early, List.of(overdue));
    JsonNode recent = visit("laoling", TODAY.minusDays(3), List.of(finding("OTHER", "LOW", "标牌")));
    long task = recent.path("findings").get(0).path("task").path("id").asLong();
    Res done = api().post("/api/tasks/" + task + "/done", Map.of("note", "已换"),
        api().login("laoling-committee", "demo123"));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    // taoyuan: LOW open, not yet due = 1 → 0.9; shanqian: no finding → 1
    visit("taoyuan", TODAY, List.of(finding("SHOP", "LOW", "价签")));
    visit("shanqian", TODAY, List.of());

    String district = api().login("district", "demo123");
    long districtId = sql.number("select district_id from villages where id = ?",
        village("laoling"));
    Res created = api().post("/api/districts/" + districtId + "/ranking-rounds", Map.of("name",
        "巡检擂台", "fromMonth", YearMonth.from(early).toString(), "toMonth",
        YearMonth.from(TODAY).toString(), "villageIds", List.of(village("laoling"),
            village("taoyuan"), village("shanqian")), "weights", Map.of("selfCheck", 0,
            "participation", 0, "cleanHousehold", 0, "pointsPerHousehold", 0, "inspection", 10)),
        district);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode ranking = api().get("/api/districts/" + districtId + "/ranking", district).json();
    assertThat(ranking.path("inspectionAvailable").asBoolean()).isTrue();
    assertThat(ranking.path("formula").asText()).contains("巡检扣分");
    Map<String, double[]> rows = new HashMap<>();
    for (JsonNode r : ranking.path("rows")) {
      rows.put(r.path("villageName").asText(), new double[] {r.path("inspection").asDouble(),
          r.path("normalised").path("inspection").asDouble(), r.path("total").asDouble(),
          r.path("rank").asInt()});
    }
    assertThat(rows.get("山前示例村")).containsExactly(0, 1, 100, 1);
    assertThat(rows.get("桃园示例村")).containsExactly(1, 0.9, 90, 2);
    assertThat(rows.get("老岭村")).containsExactly(5, 0.5, 50, 3);
  }
}
