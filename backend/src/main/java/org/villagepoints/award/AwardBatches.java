package org.villagepoints.award;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/** Meeting batches: draft → approved into public notice → posted by {@link AwardPosting}. */
@Singleton
public class AwardBatches {

  private final Sql sql;
  private final AwardPosting posting;
  private final AuditService audit;

  AwardBatches(Sql sql, AwardPosting posting, AuditService audit) {
    this.sql = sql;
    this.posting = posting;
    this.audit = audit;
  }

  record Rule(long id, long versionId, long points, boolean evidence, String name) {}

  @Transactional
  public long create(Caller actor, long villageId, BatchForm form) {
    long id = sql.number("""
        insert into award_batches (village_id, title, meeting_date, attendees, created_by)
        values (?, ?, ?, ?, ?) returning id""", villageId, form.title().trim(),
        form.meetingDate(), form.attendees(), actor.username());
    Instant defaultWhen = form.meetingDate().atStartOfDay(Sql.ZONE).toInstant();
    int n = 0;
    for (BatchForm.Item item : form.items()) {
      n++;
      Rule rule = sql.one("""
          select r.id, v.id, v.points, v.evidence_required, v.name from rules r
          join rule_versions v on v.id = r.current_version
          where r.id = ? and r.village_id = ? and r.active""",
          rs -> new Rule(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4),
              rs.getString(5)), item.ruleId(), villageId)
          .orElseThrow(() -> ApiException.unprocessable("RULE_NOT_IN_VILLAGE",
              "第 " + items(item, form) + " 条：细则不存在或已停用"));
      if (sql.number("select count(*) from households where id = ? and village_id = ?"
          + " and status = 'ACTIVE'", item.householdId(), villageId) == 0) {
        throw ApiException.unprocessable("HOUSEHOLD_NOT_IN_VILLAGE",
            "第 " + n + " 条：该户不属于本村或已归档");
      }
      if (rule.evidence() && (item.evidence() == null || item.evidence().isBlank())) {
        throw ApiException.unprocessable("EVIDENCE_REQUIRED",
            "第 " + n + " 条“" + rule.name() + "”需要附上证据（照片或说明）");
      }
      Instant when = item.occurredAt() == null ? defaultWhen : item.occurredAt().toInstant();
      long itemId = sql.number("""
          insert into award_items (batch_id, village_id, household_id, rule_id, rule_version_id,
            points, note, evidence, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
          returning id""",
          id, villageId, item.householdId(), rule.id(), rule.versionId(), rule.points(),
          item.note(), item.evidence(), when);
      if (item.applicationId() != null && sql.update("""
          update applications set status = 'AT_MEETING', award_item_id = ?
          where id = ? and village_id = ? and household_id = ? and rule_id = ?
            and status = 'CHECKED'""", itemId, item.applicationId(), villageId,
          item.householdId(), rule.id()) == 0) {
        throw ApiException.unprocessable("APPLICATION_NOT_CHECKED",
            "第 " + n + " 条：申报不存在、未经初审，或与所选的户和细则不符");
      }
    }
    audit.recordInVillage(actor, villageId, "AWARD_BATCH_CREATED", "award_batch", id,
        Map.of("title", form.title(), "items", form.items().size()));
    return id;
  }

  /** Starts the public notice; with 0 notice days the points post at once. */
  @Transactional
  public void approve(Caller actor, long batchId) {
    Object[] b = lock(batchId);
    if (!"DRAFT".equals(b[1])) {
      throw ApiException.conflict("BATCH_NOT_DRAFT", "这批评议已经审批过了", Map.of());
    }
    int days = (int) sql.number("select coalesce((select notice_days from village_award_policies"
        + " where village_id = ?), 3)", b[0]);
    OffsetDateTime now = OffsetDateTime.now(Sql.ZONE);
    sql.update("""
        update award_batches set status = 'NOTICE', notice_days = ?, notice_starts_at = ?,
          notice_ends_at = ?, approved_by = ? where id = ?""", days, now, now.plusDays(days),
        actor.username(), batchId);
    audit.recordInVillage(actor, (Long) b[0], "AWARD_BATCH_APPROVED", "award_batch", batchId,
        Map.of("noticeDays", days));
    if (days == 0) {
      posting.post(batchId);
    }
  }

  /** An objection during notice holds the item until it is resolved. */
  @Transactional
  public long object(Caller actor, long itemId, String reason) {
    Object[] item = sql.one("""
        select i.village_id, i.status, b.status from award_items i
        join award_batches b on b.id = i.batch_id where i.id = ? for update of i""",
        rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, itemId)
        .orElseThrow(() -> ApiException.notFound("ITEM_NOT_FOUND", "找不到这条评议"));
    if (!"NOTICE".equals(item[2]) || !"ACTIVE".equals(item[1])) {
      throw ApiException.conflict("NOT_IN_NOTICE", "只有公示中的条目可以登记异议", Map.of());
    }
    sql.update("update award_items set status = 'HELD' where id = ?", itemId);
    long id = sql.number("insert into award_objections (item_id, village_id, reason, raised_by)"
        + " values (?, ?, ?, ?) returning id", itemId, item[0], reason.trim(), actor.username());
    audit.recordInVillage(actor, (Long) item[0], "OBJECTION_RAISED", "award_item", itemId,
        Map.of("reason", reason));
    return id;
  }

  /** KEEP lets the item post (at once if its batch already posted); DROP removes it. */
  @Transactional
  public void resolve(Caller actor, long objectionId, String resolution) {
    Object[] o = sql.one("""
        select o.item_id, o.village_id, o.resolution, b.status, b.id from award_objections o
        join award_items i on i.id = o.item_id join award_batches b on b.id = i.batch_id
        where o.id = ? for update of o""",
        rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getLong(5)}, objectionId)
        .orElseThrow(() -> ApiException.notFound("OBJECTION_NOT_FOUND", "找不到这条异议"));
    if (o[2] != null) {
      throw ApiException.conflict("ALREADY_RESOLVED", "这条异议已经处理过了", Map.of());
    }
    sql.update("update award_objections set resolution = ?, resolved_by = ?, resolved_at = now()"
        + " where id = ?", resolution, actor.username(), objectionId);
    sql.update("update award_items set status = ? where id = ?",
        "KEEP".equals(resolution) ? "ACTIVE" : "DROPPED", o[0]);
    audit.recordInVillage(actor, (Long) o[1], "OBJECTION_RESOLVED", "award_item", o[0],
        Map.of("resolution", resolution));
    if ("KEEP".equals(resolution) && "POSTED".equals(o[3])) {
      posting.post((Long) o[4]);
    }
  }

  @Transactional
  public long villageOfBatch(long batchId) {
    return (Long) lock(batchId)[0];
  }

  @Transactional
  public long villageOfItem(long itemId) {
    return sql.one("select village_id from award_items where id = ?", rs -> rs.getLong(1), itemId)
        .orElseThrow(() -> ApiException.notFound("ITEM_NOT_FOUND", "找不到这条评议"));
  }

  @Transactional
  public long villageOfObjection(long objectionId) {
    return sql.one("select village_id from award_objections where id = ?", rs -> rs.getLong(1),
        objectionId).orElseThrow(() -> ApiException.notFound("OBJECTION_NOT_FOUND", "找不到这条异议"));
  }

  @Transactional
  public long batchOfObjection(long objectionId) {
    return sql.number("select i.batch_id from award_objections o join award_items i"
        + " on i.id = o.item_id where o.id = ?", objectionId);
  }

  private Object[] lock(long batchId) {
    return sql.one("select village_id, status from award_batches where id = ? for update",
        rs -> new Object[] {rs.getLong(1), rs.getString(2)}, batchId)
        .orElseThrow(() -> ApiException.notFound("BATCH_NOT_FOUND", "找不到这批评议"));
  }

  private static int items(BatchForm.Item item, BatchForm form) {
    return form.items().indexOf(item) + 1;
  }

}
