package org.villagepoints.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi;
import org.villagepoints.support.TestApi.Res;
import org.villagepoints.support.TestImages;

/**
 * Visits, findings and rectification tasks through the API on the demo district: a visit
 * makes one task per finding with deadlines by severity, the done → verified / reopen
 * workflow, photos, weak points and household plans, refusals by role and scope, and bad input
 * that changes nothing.
 */
@MicronautTest(transactional = false)
class InspectionApiTest extends ApiTest {

  static final LocalDate TODAY = LocalDate.now(Sql.ZONE);

  @Inject Sql sql;

  private long village(String slug) {
    return new Fixture(sql).village(slug);
  }

  private String token(String user) {
    return api().login(user, user.contains("-h0") ? "123456" : "demo123");
  }

  private Res put(String path, Object body, String token) {
    return api().send("PUT", path, "application/json", TestApi.write(body), token);
  }

  static Map<String, Object> finding(String category, String severity, String description) {
    return Map.of("category", category, "severity", severity, "description", description);
  }

  private JsonNode visit(String slug, String inspector, LocalDate day, List<?> findings) {
    Res res = api().post("/api/villages/" + village(slug) + "/inspections", Map.of("kind",
        "ROUTINE", "visitedOn", day.toString(), "notes", "测试检查", "findings", findings),
        token(inspector));
    assertThat(res.status()).as(res.body()).isEqualTo(201);
    return res.json();
  }

  private long count(String table, String slug) {
    return sql.number("select count(*) from " + table + " where village_id = ?", village(slug));
  }

  @Test
  void aVisitMakesOneTaskPerFindingDueBySeverityAndTheCommitteeReadsIt() {
    LocalDate day = TODAY.minusDays(2);
    Map<String, Object> given = new java.util.HashMap<>(finding("OTHER", "LOW", "公示栏破损"));
    given.put("deadline", day.plusDays(3).toString());
    given.put("owner", "村主任");
    JsonNode visit = visit("lixin", "zhengcha", day, List.of(
        finding("SANITATION", "HIGH", "村口垃圾未清运"), finding("RECORDS", "MEDIUM", "台账缺 3 月"),
        finding("SHOP", "LOW", "价签不全"), given));
    assertThat(visit.path("level").asText()).isEqualTo("TOWN");
    assertThat(visit.path("inspector").asText()).isEqualTo("zhengcha");
    assertThat(visit.path("findingCount").asInt()).isEqualTo(4);
    List<String> deadlines = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    for (JsonNode f : visit.path("findings")) {
      assertThat(f.path("task").path("status").asText()).isEqualTo("OPEN");
      assertThat(f.path("task").path("kind").asText()).isEqualTo("FINDING");
      assertThat(f.path("task").path("title").asText()).isEqualTo(f.path("description").asText());
      deadlines.add(f.path("task").path("deadline").asText());
      owners.add(f.path("task").path("owner").asText());
    }
    assertThat(deadlines).containsExactly(day.plusDays(7).toString(),
        day.plusDays(14).toString(), day.plusDays(30).toString(), day.plusDays(3).toString());
    assertThat(owners).containsExactly("村两委", "村两委", "村两委", "村主任");

    String committee = token("lixin-committee");
    long id = visit.path("id").asLong();
    assertThat(api().get("/api/inspections/" + id, committee).json().path("findings"))
        .hasSize(4);
    JsonNode list = api().get("/api/villages/" + village("lixin") + "/inspections", committee)
        .json();
    JsonNode listed = null;
    for (JsonNode v : list) {
      listed = v.path("id").asLong() == id ? v : listed;
    }
    assertThat(listed).isNotNull();
    assertThat(listed.path("unverifiedTasks").asInt()).isEqualTo(4);
    assertThat(listed.path("findings").isNull()).isTrue();
    JsonNode tasks = api().get("/api/villages/" + village("lixin") + "/tasks?kind=FINDING",
        committee).json();
    assertThat(tasks.findValuesAsText("findingId")).hasSizeGreaterThanOrEqualTo(4);

    assertThat(api().get("/api/inspections/" + id, token("ailin-committee")).status())
        .isEqualTo(403);
    assertThat(api().get("/api/inspections/" + id, token("chengqiang")).status()).isEqualTo(403);
    assertThat(api().get("/api/inspections/" + id, token("lixin-h001")).status()).isEqualTo(403);
    assertThat(api().post("/api/villages/" + village("lixin") + "/inspections", Map.of("kind",
        "ROUTINE", "visitedOn", day.toString()), committee).status()).isEqualTo(403);
    assertThat(api().post("/api/villages/" + village("lixin") + "/inspections", Map.of("kind",
        "ROUTINE", "visitedOn", day.toString()), token("chengqiang")).status()).isEqualTo(403);
  }

  @Test
  void theCommitteeMarksDoneTheTownReopensThenVerifiesAndAVerifiedTaskIsClosed() {
    JsonNode visit = visit("lixin", "district", TODAY, List.of(finding("FACILITIES", "MEDIUM",
        "健身器材损坏")));
    assertThat(visit.path("level").asText()).isEqualTo("DISTRICT");
    long task = visit.path("findings").get(0).path("task").path("id").asLong();
    String committee = token("lixin-committee");
    String town = token("zhengcha");
    String t = "/api/tasks/" + task;
    assertThat(api().post(t + "/verify", Map.of(), town).code()).isEqualTo("TASK_NOT_DONE");
    assertThat(api().post(t + "/done", Map.of("note", "  "), committee).status()).isEqualTo(400);
    assertThat(api().post(t + "/done", Map.of("note", "x"), token("ailin-committee")).status())
        .isEqualTo(403);
    assertThat(api().post(t + "/done", Map.of("note", "x"), town).status()).isEqualTo(403);
    JsonNode done = api().post(t + "/done", Map.of("note", "已修好"), committee).json();
    assertThat(done.path("status").asText()).isEqualTo("DONE");
    assertThat(done.path("doneNote").asText()).isEqualTo("已修好");
    assertThat(done.path("doneBy").asText()).isEqualTo("lixin-committee");
    assertThat(api().post(t + "/done", Map.of("note", "再次"), committee).code())
        .isEqualTo("TASK_NOT_OPEN");
    assertThat(api().post(t + "/verify", Map.of(), committee).status()).isEqualTo(403);
    assertThat(api().post(t + "/reopen", Map.of("note", "x"), token("chengqiang")).status())
        .isEqualTo(403);

    LocalDate later = TODAY.plusDays(5);
    JsonNode reopened = api().post(t + "/reopen", Map.of("note", "还有一处没修",
        "deadline", later.toString()), town).json();
    assertThat(reopened.path("status").asText()).isEqualTo("OPEN");
    assertThat(reopened.path("reviewNote").asText()).isEqualTo("还有一处没修");
    assertThat(reopened.path("reopenedBy").asText()).isEqualTo("zhengcha");
    assertThat(reopened.path("deadline").asText()).isEqualTo(later.toString());
    assertThat(reopened.path("doneAt").isNull()).isTrue();

    api().post(t + "/done", Map.of("note", "全部修好"), committee);
    JsonNode verified = api().post(t + "/verify", Map.of("note", "现场看过"), token("district"))
        .json();
    assertThat(verified.path("status").asText()).isEqualTo("VERIFIED");
    assertThat(verified.path("verifiedBy").asText()).isEqualTo("district");
    assertThat(api().post(t + "/verify", Map.of(), town).code()).isEqualTo("TASK_NOT_DONE");
    assertThat(api().post(t + "/reopen", Map.of("note", "x"), town).code())
        .isEqualTo("TASK_NOT_DONE");
    assertThat(put(t, Map.of("owner", "别人"), town).code()).isEqualTo("TASK_CLOSED");
    assertThat(api().upload(t + "/photo", "a.png", TestImages.png(Color.RED), committee).code())
        .isEqualTo("TASK_CLOSED");
    assertThat(sql.number("select count(*) from audit_events where target_type ="
        + " 'rectification_task' and target_id = ?", Long.toString(task))).isEqualTo(5);
  }

  @Test
  void findingAndRectificationPhotosAreCheckedStoredAndServed() {
    JsonNode visit = visit("lixin", "zhengcha", TODAY, List.of(finding("SANITATION", "LOW",
        "柴草乱堆")));
    long finding = visit.path("findings").get(0).path("id").asLong();
    long task = visit.path("findings").get(0).path("task").path("id").asLong();
    String town = token("zhengcha");
    String committee = token("lixin-committee");
    assertThat(api().download("/api/findings/" + finding + "/photo", committee).code())
        .isEqualTo("PHOTO_NOT_FOUND");
    byte[] png = TestImages.png(Color.GREEN);
    assertThat(api().upload("/api/findings/" + finding + "/photo", "x.png",
        "<html>".getBytes(), town).code()).isEqualTo("BAD_PHOTO");
    assertThat(api().upload("/api/findings/" + finding + "/photo", "x.png", png, committee)
        .status()).isEqualTo(403);
    assertThat(api().upload("/api/findings/" + finding + "/photo", "x.png", png, town).status())
        .isEqualTo(204);
    TestApi.Bytes got = api().bytes("/api/findings/" + finding + "/photo", committee);
    assertThat(got.body()).isEqualTo(png);
    assertThat(got.header("Content-Type")).isEqualTo("image/png");

    byte[] jpeg = TestImages.jpeg(Color.BLUE);
    assertThat(api().upload("/api/tasks/" + task + "/photo", "y.jpg",
        TestImages.jpegOfSize(6 * 1024 * 1024), committee).code()).isEqualTo("PHOTO_TOO_LARGE");
    assertThat(api().upload("/api/tasks/" + task + "/photo", "y.jpg", jpeg, town).status())
        .isEqualTo(403);
    assertThat(api().upload("/api/tasks/" + task + "/photo", "y.jpg", jpeg, committee).status())
        .isEqualTo(204);
    assertThat(api().bytes("/api/tasks/" + task + "/photo", town).body()).isEqualTo(jpeg);
    assertThat(api().bytes("/api/tasks/" + task + "/photo", token("ailin-committee"))
        .status()).isEqualTo(403);
    JsonNode row = api().get("/api/inspections/" + visit.path("id").asLong(), committee).json()
        .path("findings").get(0);
    assertThat(row.path("photo").asBoolean()).isTrue();
    assertThat(row.path("task").path("donePhoto").asBoolean()).isTrue();
  }

  @Test
  void weakPointsAndHouseholdPlansAreTasksWithTheSameRules() {
    long songlin = village("songlin");
    String committee = token("songlin-committee");
    String base = "/api/villages/" + songlin + "/tasks";
    JsonNode weak = api().post(base, Map.of("kind", "WEAK_POINT", "title", "道路照明不足",
        "owner", "村委会主任"), committee).json();
    assertThat(weak.path("deadline").asText()).isEqualTo(TODAY.plusDays(30).toString());
    assertThat(weak.path("createdBy").asText()).isEqualTo("songlin-committee");
    assertThat(api().post(base, Map.of("kind", "HOUSEHOLD_PLAN", "title", "帮扶", "owner", "网格员"),
        committee).code()).isEqualTo("HOUSEHOLD_REQUIRED");
    long other = new Fixture(sql).household("lixin", "H001");
    assertThat(api().post(base, Map.of("kind", "HOUSEHOLD_PLAN", "title", "帮扶", "owner", "网格员",
        "householdId", other), committee).code()).isEqualTo("HOUSEHOLD_NOT_IN_VILLAGE");
    long own = new Fixture(sql).household("songlin", "H001");
    JsonNode plan = api().post(base, Map.of("kind", "HOUSEHOLD_PLAN", "title", "改厕帮扶",
        "owner", "网格员", "householdId", own), token("zhengcha")).json();
    assertThat(plan.path("householdCode").asText()).isEqualTo("H001");
    assertThat(api().get(base + "?kind=HOUSEHOLD_PLAN", committee).json()).hasSize(1);

    JsonNode owner = api().get("/api/villages/" + songlin + "/task-owners", committee).json()
        .get(0);
    assertThat(owner.path("role").asText()).isEqualTo("VILLAGE_COMMITTEE");
    JsonNode edited = put("/api/tasks/" + weak.path("id").asLong(), Map.of("owner", "",
        "ownerUserId", owner.path("userId").asLong(), "deadline", TODAY.plusDays(60).toString(),
        "title", "主路照明"), committee).json();
    assertThat(edited.path("owner").asText()).isEqualTo(owner.path("name").asText());
    assertThat(edited.path("deadline").asText()).isEqualTo(TODAY.plusDays(60).toString());
    assertThat(edited.path("title").asText()).isEqualTo("主路照明");
    long lixinUser = sql.number("select id from users where username = 'lixin-committee'");
    assertThat(put("/api/tasks/" + weak.path("id").asLong(), Map.of("owner", "x", "ownerUserId",
        lixinUser), committee).code()).isEqualTo("OWNER_NOT_IN_VILLAGE");

    JsonNode visit = visit("songlin", "zhengcha", TODAY, List.of(finding("SHOP", "HIGH", "过期商品")));
    long task = visit.path("findings").get(0).path("task").path("id").asLong();
    assertThat(put("/api/tasks/" + task, Map.of("owner", "村两委", "deadline",
        TODAY.plusDays(20).toString()), committee).code()).isEqualTo("DEADLINE_SET_BY_INSPECTOR");
    assertThat(put("/api/tasks/" + task, Map.of("owner", "超市管理员"), committee).json()
        .path("owner").asText()).isEqualTo("超市管理员");
    assertThat(put("/api/tasks/" + task, Map.of("owner", "村两委", "deadline",
        TODAY.plusDays(20).toString()), token("zhengcha")).json().path("deadline").asText())
        .isEqualTo(TODAY.plusDays(20).toString());
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    String town = token("chengqiang");
    String path = "/api/villages/" + village("hedong") + "/inspections";
    long visits = count("inspections", "hedong");
    long tasks = count("rectification_tasks", "hedong");
    Map<String, Object> late = new java.util.HashMap<>(finding("OTHER", "LOW", "b"));
    late.put("deadline", TODAY.plusYears(2).toString());
    List<Res> refused = List.of(
        api().post(path, Map.of("kind", "ROUTINE", "visitedOn", TODAY.plusDays(1).toString()),
            town),
        api().post(path, Map.of("kind", "PATROL", "visitedOn", TODAY.toString()), town),
        api().post(path, Map.of("kind", "ROUTINE", "visitedOn", TODAY.toString(), "findings",
            List.of(finding("NOISE", "LOW", "a"))), town),
        api().post(path, Map.of("kind", "ROUTINE", "visitedOn", TODAY.toString(), "findings",
            List.of(finding("OTHER", "LOW", "a"), late)), town),
        api().post(path, Map.of("kind", "ROUTINE", "visitedOn", TODAY.toString(), "followsId", 1),
            town),
        api().post(path, Map.of("kind", "FOLLOW_UP", "visitedOn", TODAY.toString(), "followsId",
            999999), town),
        api().post(path, Map.of("kind", "ROUTINE", "visitedOn", TODAY.toString(), "notes",
            "a\u0000b"), town),
        api().post(path, "{\"kind\":", town));
    assertThat(refused).extracting(Res::status).containsExactly(400, 400, 400, 400, 422, 422,
        400, 400);
    assertThat(refused.get(0).code()).isEqualTo("BAD_VISIT_DATE");
    assertThat(refused.get(3).code()).isEqualTo("BAD_DEADLINE");
    assertThat(refused.get(4).code()).isEqualTo("BAD_FOLLOW_UP");
    assertThat(count("inspections", "hedong")).isEqualTo(visits);
    assertThat(count("rectification_tasks", "hedong")).isEqualTo(tasks);
    assertThat(api().get("/api/villages/" + village("hedong") + "/tasks?status=LATE", town)
        .code()).isEqualTo("BAD_STATUS");
    assertThat(api().get("/api/villages/" + village("hedong") + "/tasks?overdue=maybe", town)
        .code()).isEqualTo("BAD_FILTER");
    assertThat(api().get("/api/inspections/999999", town).status()).isEqualTo(404);

    JsonNode first = visit("hedong", "chengqiang", TODAY.minusDays(10), List.of());
    Res follow = api().post(path, Map.of("kind", "FOLLOW_UP", "visitedOn", TODAY.toString(),
        "followsId", first.path("id").asLong()), town);
    assertThat(follow.json().path("followsVisitedOn").asText())
        .isEqualTo(TODAY.minusDays(10).toString());
  }
}
