package org.villagepoints.award;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.ledger.LedgerVerifier;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

/** Meeting → notice → objection → automatic posting with caps, through the API. */
@MicronautTest(transactional = false)
class AwardFlowTest extends ApiTest {

  @Inject Sql sql;
  @Inject AwardPosting posting;
  @Inject LedgerVerifier verifier;
  private Fixture f;
  private String committee;
  private long village;
  private final Map<String, Long> rules = new HashMap<>();

  @BeforeAll
  void setUp() {
    f = new Fixture(sql);
    committee = api().login("lixin-committee", "demo123");
    village = f.village("lixin");
    for (JsonNode r : api().get("/api/villages/" + village + "/rules", committee).json()) {
      rules.put(r.path("name").asText(), r.path("id").asLong());
    }
  }

  private Map<String, Object> item(String code, String rule, String evidence) {
    Map<String, Object> m = new HashMap<>(Map.of("householdId", f.household("lixin", code),
        "ruleId", rules.get(rule), "note", "会议审定"));
    if (evidence != null) {
      m.put("evidence", evidence);
    }
    return m;
  }

  private Res createBatch(String title, List<Map<String, Object>> items) {
    return api().post("/api/villages/" + village + "/award-batches", Map.of("title", title,
        "meetingDate", java.time.LocalDate.now(Sql.ZONE).toString(), "items", items), committee,
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
  }

  @Test
  void aMeetingBatchGoesThroughNoticeAndPostsWithCapsAndHeldItems() {
    assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
    long h3 = f.household("lixin", "H023");
    api().post("/api/households/" + h3 + "/adjustments", Map.of("points", 3, "reason", "x"),
        committee);
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      items.add(item("H021", "参加义务劳动、志愿服务（每次）", null));
    }
    items.add(item("H022", "婚事新办、丧事简办", null));
    Res missing = createBatch("十一月评议", List.of(item("H023", "焚烧秸秆", null)));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.code()).isEqualTo("EVIDENCE_REQUIRED");
    assertThat(missing.json().path("detail").asText()).contains("焚烧秸秆").contains("证据");
    items.add(item("H023", "焚烧秸秆", "照片 2026-11-20"));
    JsonNode batch = createBatch("十一月评议", items).json();
    assertThat(batch.path("status").asText()).isEqualTo("DRAFT");
    long id = batch.path("id").asLong();

    JsonNode approved = api().post("/api/award-batches/" + id + "/approve", "{}", committee).json();
    assertThat(approved.path("status").asText()).isEqualTo("NOTICE");
    assertThat(approved.path("noticeDays").asInt()).isEqualTo(3);

    JsonNode board = api().get("/api/public/villages/" + village + "/notices", null).json();
    String boardText = board.toString();
    String head = api().get("/api/households/" + f.household("lixin", "H022"), committee).json()
        .path("headName").asText();
    assertThat(boardText).doesNotContain(head).contains(NoticeBoard.mask(head));

    long heldItem = find(approved, "H022").path("id").asLong();
    Res objection = api().post("/api/award-items/" + heldItem + "/objections",
        Map.of("reason", "邻居反映情况不实"), committee);
    assertThat(objection.status()).isEqualTo(201);

    assertThat(posting.postDue(Instant.now())).isZero();
    assertThat(posting.postDue(Instant.now().plus(Duration.ofDays(4)))).isEqualTo(1);
    JsonNode posted = api().get("/api/award-batches/" + id, committee).json();
    assertThat(posted.path("status").asText()).isEqualTo("POSTED");
    assertThat(f.balance(f.household("lixin", "H021"))).isEqualTo(20);
    assertThat(posted.toString()).contains("超过“参加义务劳动、志愿服务（每次）”的上限（每月 20 分）");
    assertThat(f.balance(h3)).isZero();
    assertThat(find(posted, "H023").path("cutReason").asText()).contains("余额不足");
    assertThat(f.balance(f.household("lixin", "H022"))).isZero();
    assertThat(find(posted, "H022").path("status").asText()).isEqualTo("HELD");

    long objectionId = objection.json().path("id").asLong();
    api().post("/api/award-objections/" + objectionId + "/resolve", Map.of("resolution", "KEEP"),
        committee);
    assertThat(f.balance(f.household("lixin", "H022"))).isEqualTo(15);
    JsonNode book = api().get("/api/households/" + f.household("lixin", "H022") + "/entries",
        committee).json();
    assertThat(book.path("items").get(0).path("kind").asText()).isEqualTo("AWARD");
    assertThat(book.path("items").get(0).path("reason").asText()).startsWith("婚事新办");
    assertThat(verifier.verify(village, null).ok()).isTrue();
  }

  @Test
  void twoInstancesRunningThePostingJobPostOnce() throws Exception {
    long id = createBatch("并发入账", List.of(item("H024", "婚事新办、丧事简办", null)))
        .json().path("id").asLong();
    api().post("/api/award-batches/" + id + "/approve", "{}", committee);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(pool.submit(() -> posting.postDue(Instant.now().plus(Duration.ofDays(4)))));
    }
    for (Future<Integer> r : runs) {
      r.get();
    }
    pool.shutdown();
    assertThat(f.balance(f.household("lixin", "H024"))).isEqualTo(15);
    assertThat(sql.number("select count(*) from award_items where batch_id = ? and transfer_id"
        + " is not null", id)).isEqualTo(1);
  }

  @Test
  void editingARuleNeverChangesHistoryAndZeroNoticeDaysPostAtOnce() {
    api().send("PUT", "/api/villages/" + village + "/policy", "application/json",
        "{\"noticeDays\": 0}", committee);
    long rule = rules.get("见义勇为、救人于危难");
    long first = createBatch("即时入账", List.of(item("H025", "见义勇为、救人于危难", null)))
        .json().path("id").asLong();
    JsonNode posted = api().post("/api/award-batches/" + first + "/approve", "{}", committee)
        .json();
    assertThat(posted.path("status").asText()).isEqualTo("POSTED");
    Res changed = api().send("PUT", "/api/rules/" + rule, "application/json",
        "{\"category\":\"见义勇为\",\"name\":\"见义勇为、救人于危难\",\"points\":25}", committee);
    assertThat(changed.json().path("version").asInt()).isEqualTo(2);
    long second = createBatch("新分值", List.of(item("H025", "见义勇为、救人于危难", null)))
        .json().path("id").asLong();
    api().post("/api/award-batches/" + second + "/approve", "{}", committee);
    assertThat(f.balance(f.household("lixin", "H025"))).isEqualTo(45);
    assertThat(sql.list("select v.version from award_items i join rule_versions v"
        + " on v.id = i.rule_version_id where i.household_id = ? order by i.id",
        rs -> rs.getInt(1), f.household("lixin", "H025"))).containsExactly(1, 2);
    assertThat(sql.number("select points from rule_versions where rule_id = ? and version = 1",
        rule)).isEqualTo(20);
    api().send("PUT", "/api/villages/" + village + "/policy", "application/json",
        "{\"noticeDays\": 3}", committee);
  }

  @Test
  void villagersAndOtherVillagesSeeNoBatches() {
    String villager = api().login("lixin-h001", "123456");
    assertThat(api().get("/api/villages/" + village + "/award-batches", villager).status())
        .isEqualTo(403);
    String ailin = api().login("ailin-committee", "demo123");
    assertThat(api().get("/api/villages/" + village + "/award-batches", ailin).status())
        .isEqualTo(403);
    assertThat(NoticeBoard.mask("张三")).isEqualTo("张*");
    assertThat(NoticeBoard.mask("张三明")).isEqualTo("张*明");
    assertThat(NoticeBoard.mask("欧阳明月")).isEqualTo("欧**月");
  }

  private static JsonNode find(JsonNode batch, String code) {
    for (JsonNode i : batch.path("items")) {
      if (i.path("householdCode").asText().equals(code)) {
        return i;
      }
    }
    throw new AssertionError(code + " not in " + batch);
  }
}
