package org.villagepoints.event;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.award.AwardBatches;
import org.villagepoints.award.BatchForm;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.SigningKeys;
import org.villagepoints.common.Sql;

/**
 * Meetings and activities with a check-in QR code ({@code VPE1.<event>.<HMAC>}), valid only
 * in the event's time window; once per household. Attendance earns nothing by itself: the
 * committee turns it into a meeting batch, which goes through notice like any award.
 */
@Singleton
public class Events {

  private final Sql sql;
  private final SigningKeys keys;
  private final ScopeGuard guard;
  private final AwardBatches batches;
  private final AuditService audit;

  Events(Sql sql, SigningKeys keys, ScopeGuard guard, AwardBatches batches, AuditService audit) {
    this.sql = sql;
    this.keys = keys;
    this.guard = guard;
    this.batches = batches;
    this.audit = audit;
  }

  @Transactional
  public EventResponse create(Caller actor, long villageId, EventForm form) {
    if (!form.startsAt().isBefore(form.endsAt())) {
      throw ApiException.badRequest("BAD_PERIOD", "签到开始时间要早于结束时间");
    }
    if (sql.number("select count(*) from rules where id = ? and village_id = ? and active",
        form.ruleId(), villageId) == 0) {
      throw ApiException.unprocessable("RULE_NOT_IN_VILLAGE", "请选择本村积分细则里的条目");
    }
    long id = sql.number("insert into events (village_id, title, rule_id, starts_at, ends_at,"
        + " created_by) values (?, ?, ?, ?, ?, ?) returning id", villageId, form.title().trim(),
        form.ruleId(), form.startsAt(), form.endsAt(), actor.username());
    audit.recordInVillage(actor, villageId, "EVENT_CREATED", "event", id,
        Map.of("title", form.title()));
    return get(id);
  }

  @Transactional
  public CheckInResponse checkIn(Caller villager, String code) {
    long eventId = verify(code);
    var e = sql.one("select village_id, title, starts_at <= now(), ends_at > now() from events"
        + " where id = ?", rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3),
            rs.getBoolean(4)}, eventId)
        .orElseThrow(() -> ApiException.badRequest("EVENT_CODE_INVALID", "无法识别这个签到码"));
    long household = villager.householdId();
    guard.requireHousehold(villager, household);
    if (!e[0].equals(villager.villageId())) {
      throw ApiException.forbidden();
    }
    if (!(Boolean) e[2]) {
      throw ApiException.conflict("EVENT_NOT_OPEN", "签到还没有开始", Map.of());
    }
    if (!(Boolean) e[3]) {
      throw ApiException.conflict("EVENT_CLOSED", "签到码已过期：活动签到已经结束", Map.of());
    }
    int inserted = sql.update("""
        insert into event_attendance (event_id, village_id, household_id, checked_in_by)
        values (?, ?, ?, ?) on conflict (event_id, household_id) do nothing""", eventId, e[0],
        household, villager.username());
    return new CheckInResponse(eventId, (String) e[1], household, inserted == 0);
  }

  /** The attendance as a draft meeting batch, once per event. */
  @Transactional
  public long toBatch(Caller actor, long eventId) {
    var e = sql.one("select village_id, title, rule_id, batch_id, starts_at from events"
        + " where id = ? for update", rs -> new Object[] {rs.getLong(1), rs.getString(2),
            rs.getLong(3), Sql.nullableLong(rs, "batch_id"), Sql.time(rs, "starts_at")}, eventId)
        .orElseThrow(() -> ApiException.notFound("EVENT_NOT_FOUND", "找不到这场活动"));
    guard.requireVillage(actor, (Long) e[0], false);
    if (e[3] != null) {
      throw ApiException.conflict("EVENT_ALREADY_IN_BATCH", "这场活动的签到已经提交评议", Map.of());
    }
    List<BatchForm.Item> items = sql.list("select household_id from event_attendance"
        + " where event_id = ? order by household_id", rs -> new BatchForm.Item(rs.getLong(1),
            (Long) e[2], "参加：" + e[1], null, (OffsetDateTime) e[4], null), eventId);
    if (items.isEmpty()) {
      throw ApiException.conflict("NO_ATTENDANCE", "还没有人签到", Map.of());
    }
    long batch = batches.create(actor, (Long) e[0], new BatchForm("活动签到：" + e[1],
        LocalDate.now(Sql.ZONE), null, items));
    sql.update("update events set batch_id = ? where id = ?", batch, eventId);
    return batch;
  }

  @Transactional
  public EventResponse get(long id) {
    return sql.one("""
        select e.id, e.title, e.rule_id, e.starts_at, e.ends_at, e.batch_id,
          (select count(*) from event_attendance a where a.event_id = e.id) n
        from events e where e.id = ?""",
        rs -> new EventResponse(rs.getLong("id"), rs.getString("title"), rs.getLong("rule_id"),
            Sql.time(rs, "starts_at"), Sql.time(rs, "ends_at"), code(rs.getLong("id")),
            rs.getLong("n"), Sql.nullableLong(rs, "batch_id")), id)
        .orElseThrow(() -> ApiException.notFound("EVENT_NOT_FOUND", "找不到这场活动"));
  }

  @Transactional
  public long villageOf(long eventId) {
    return sql.one("select village_id from events where id = ?", rs -> rs.getLong(1), eventId)
        .orElseThrow(() -> ApiException.notFound("EVENT_NOT_FOUND", "找不到这场活动"));
  }

  String code(long eventId) {
    String body = "VPE1." + eventId;
    return body + "." + keys.sign("event", body);
  }

  private long verify(String code) {
    String[] p = code.trim().split("\\.");
    if (p.length != 3 || !"VPE1".equals(p[0]) || !p[1].matches("\\d{1,18}")
        || !MessageDigest.isEqual(code(Long.parseLong(p[1])).getBytes(StandardCharsets.UTF_8),
            code.trim().getBytes(StandardCharsets.UTF_8))) {
      throw ApiException.badRequest("EVENT_CODE_INVALID", "无法识别这个签到码");
    }
    return Long.parseLong(p[1]);
  }
}
