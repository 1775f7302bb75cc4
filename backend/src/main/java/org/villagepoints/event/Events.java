package org.villagepoints.event;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.award.AwardBatches;
import org.villagepoints.award.BatchForm;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * Meetings and activities with a check-in code ({@link EventCodes}), valid only in the
 * event's time window; once per household. Attendance earns nothing by itself: the committee
 * turns it into a meeting batch, which goes through approval and notice like any award.
 */
@Singleton
public class Events {

  static final Duration LONGEST_WINDOW = Duration.ofDays(7);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");
  private final Sql sql;
  private final EventCodes codes;
  private final EventCodeThrottle throttle;
  private final ScopeGuard guard;
  private final AwardBatches batches;
  private final AuditService audit;

  Events(Sql sql, EventCodes codes, EventCodeThrottle throttle, ScopeGuard guard,
      AwardBatches batches, AuditService audit) {
    this.sql = sql;
    this.codes = codes;
    this.throttle = throttle;
    this.guard = guard;
    this.batches = batches;
    this.audit = audit;
  }

  private record Open(long villageId, String title, OffsetDateTime startsAt,
      OffsetDateTime endsAt, Long batchId, OffsetDateTime now) {}

  @Transactional
  public long create(Caller actor, long villageId, EventForm form) {
    if (!form.startsAt().isBefore(form.endsAt())) {
      throw ApiException.badRequest("BAD_PERIOD", "签到开始时间要早于结束时间");
    }
    if (Duration.between(form.startsAt(), form.endsAt()).compareTo(LONGEST_WINDOW) > 0) {
      throw ApiException.badRequest("BAD_PERIOD", "签到时间最长 7 天");
    }
    if (form.ruleId() != null && sql.number("select count(*) from rules where id = ?"
        + " and village_id = ? and active", form.ruleId(), villageId) == 0) {
      throw ApiException.unprocessable("RULE_NOT_IN_VILLAGE", "请选择本村积分细则里的条目");
    }
    long id = 0;
    for (int attempt = 0; id == 0 && attempt < 20; attempt++) {
      // a taken typed code (unique in the village) inserts nothing: draw again
      id = sql.number("""
          insert into events (village_id, title, kind, rule_id, starts_at, ends_at,
            check_in_code, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)
          on conflict (village_id, check_in_code) do nothing returning id""", villageId,
          form.title().trim(), form.kind() == null ? "OTHER" : form.kind(), form.ruleId(),
          form.startsAt(), form.endsAt(), codes.newTypedCode(), actor.username());
    }
    if (id == 0) {
      throw new IllegalStateException("no free check-in code in village " + villageId);
    }
    audit.recordInVillage(actor, villageId, "EVENT_CREATED", "event", id,
        Map.of("title", form.title()));
    return id;
  }

  @Transactional
  public CheckInResponse checkIn(Caller villager, String code) {
    long household = villager.householdId();
    guard.requireHousehold(villager, household);
    throttle.requireNotBlocked(villager);
    long eventId = codes.resolve(code, villager.villageId()).orElseThrow(() -> {
      throttle.recordFailure(villager);
      return ApiException.badRequest("EVENT_CODE_INVALID",
          "无法识别这个签到码：请对准活动现场的二维码，或输入屏幕上的 6 位数字");
    });
    // FOR SHARE: a check-in in flight finishes before the committee's batch takes the list
    Open e = sql.one("select village_id, title, starts_at, ends_at, batch_id, now() n"
        + " from events where id = ? for share", rs -> new Open(rs.getLong(1), rs.getString(2),
            Sql.time(rs, "starts_at"), Sql.time(rs, "ends_at"), Sql.nullableLong(rs, "batch_id"),
            Sql.time(rs, "n")), eventId)
        .orElseThrow(() -> ApiException.badRequest("EVENT_CODE_INVALID", "无法识别这个签到码"));
    if (e.villageId() != villager.villageId()) {
      throw ApiException.forbidden();
    }
    if (e.now().isBefore(e.startsAt())) {
      throw ApiException.conflict("EVENT_NOT_OPEN", "“" + e.title() + "”的签到还没有开始："
          + WHEN.format(e.startsAt()) + " 开始", Map.of("startsAt", e.startsAt().toString()));
    }
    if (!e.now().isBefore(e.endsAt())) {
      throw ApiException.conflict("EVENT_CODE_EXPIRED", "签到码已过期：“" + e.title()
          + "”的签到已在 " + WHEN.format(e.endsAt()) + " 结束", Map.of("endsAt",
              e.endsAt().toString()));
    }
    if (e.batchId() != null) {
      throw ApiException.conflict("EVENT_ALREADY_IN_BATCH",
          "“" + e.title() + "”的签到名单已经交村委评议，不能再签到", Map.of());
    }
    int inserted = sql.update("""
        insert into event_attendance (event_id, village_id, household_id, checked_in_by)
        values (?, ?, ?, ?) on conflict (event_id, household_id) do nothing""", eventId,
        e.villageId(), household, villager.username());
    OffsetDateTime at = sql.one("select checked_in_at from event_attendance where event_id = ?"
        + " and household_id = ?", rs -> Sql.time(rs, "checked_in_at"), eventId, household)
        .orElseThrow();
    return new CheckInResponse(eventId, e.title(), household, inserted == 0, at);
  }

  /** The attendance as a draft meeting batch, once per event. */
  @Transactional
  public long toBatch(Caller actor, long eventId, Long chosenRule) {
    var e = sql.one("select village_id, title, rule_id, batch_id, starts_at from events"
        + " where id = ? for update", rs -> new Object[] {rs.getLong(1), rs.getString(2),
            Sql.nullableLong(rs, "rule_id"), Sql.nullableLong(rs, "batch_id"),
            Sql.time(rs, "starts_at")}, eventId)
        .orElseThrow(() -> ApiException.notFound("EVENT_NOT_FOUND", "找不到这场活动"));
    long village = (Long) e[0];
    guard.requireVillage(actor, village, false);
    if (e[3] != null) {
      throw ApiException.conflict("EVENT_ALREADY_IN_BATCH", "这场活动的签到已经提交评议", Map.of());
    }
    if (sql.number("select count(*) from event_attendance where event_id = ?", eventId) == 0) {
      throw ApiException.conflict("NO_ATTENDANCE", "还没有人签到", Map.of());
    }
    Long rule = chosenRule != null ? chosenRule : (Long) e[2];
    if (rule == null) {
      throw ApiException.unprocessable("RULE_REQUIRED",
          "这场活动没有设定奖励的积分细则：请先选择一条细则，再生成评议");
    }
    List<BatchForm.Item> items = sql.list("select household_id from event_attendance"
        + " where event_id = ? order by household_id", rs -> new BatchForm.Item(rs.getLong(1),
            rule, "参加：" + e[1], null, (OffsetDateTime) e[4], null), eventId);
    long batch = batches.create(actor, village, new BatchForm("活动签到：" + e[1],
        LocalDate.now(Sql.ZONE), null, items));
    sql.update("update events set batch_id = ?, rule_id = ? where id = ?", batch, rule, eventId);
    return batch;
  }
}
