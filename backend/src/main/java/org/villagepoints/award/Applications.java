package org.villagepoints.award;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.PhotoUpload;
import org.villagepoints.common.Sql;

/**
 * Applications (申报): a villager for the own household or a group leader for the group's
 * households; the group leader's first check (初审) passes or returns them; checked ones are
 * pulled into a meeting batch. A leader's own application counts as checked.
 */
@Singleton
public class Applications {

  static final int MAX_PHOTOS = 3;
  static final int MAX_PHOTO_BYTES = 5 * PhotoUpload.MB;
  private static final String SELECT = """
      select a.id, a.household_id, h.code, h.head_name, g.name group_name, a.rule_id,
        v.name rule_name, v.points, a.occurred_on, a.description, a.status, a.return_reason,
        a.submitted_at, a.submitted_by, i.status item_status, b.status batch_status,
        (select count(*) from application_photos p where p.application_id = a.id) photos
      from applications a join households h on h.id = a.household_id
        join household_groups g on g.id = h.group_id
        join rules r on r.id = a.rule_id join rule_versions v on v.id = r.current_version
        left join award_items i on i.id = a.award_item_id
        left join award_batches b on b.id = i.batch_id""";
  private final Sql sql;
  private final ScopeGuard guard;
  private final AuditService audit;

  Applications(Sql sql, ScopeGuard guard, AuditService audit) {
    this.sql = sql;
    this.guard = guard;
    this.audit = audit;
  }

  @Transactional
  public ApplicationResponse submit(Caller actor, long householdId, ApplicationForm form) {
    long village = guard.villageOfHousehold(actor, householdId);
    if (sql.number("select count(*) from rules where id = ? and village_id = ? and active",
        form.ruleId(), village) == 0) {
      throw ApiException.unprocessable("RULE_NOT_IN_VILLAGE", "请选择本村积分细则里的条目");
    }
    if (form.occurredOn().isAfter(java.time.LocalDate.now(Sql.ZONE))) {
      throw ApiException.badRequest("VALIDATION_FAILED", "填写有误：事迹日期不能晚于今天");
    }
    boolean leader = actor.role() == Role.GROUP_LEADER;
    long id = sql.number("""
        insert into applications (village_id, household_id, rule_id, occurred_on, description,
          status, submitted_by, checked_by, checked_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", village, householdId, form.ruleId(),
        form.occurredOn(), form.description().trim(), leader ? "CHECKED" : "SUBMITTED",
        actor.username(), leader ? actor.username() : null,
        leader ? java.time.OffsetDateTime.now(Sql.ZONE) : null);
    audit.recordInVillage(actor, village, "APPLICATION_SUBMITTED", "application", id,
        Map.of("ruleId", form.ruleId()));
    return get(id);
  }

  @Transactional
  public ApplicationResponse check(Caller actor, long applicationId, CheckForm form) {
    long[] a = locate(applicationId);
    guard.requireHousehold(actor, a[1]);
    if (actor.role() != Role.GROUP_LEADER && actor.role() != Role.VILLAGE_COMMITTEE) {
      throw ApiException.forbidden();
    }
    boolean pass = "PASS".equals(form.decision());
    if (!pass && (form.reason() == null || form.reason().isBlank())) {
      throw ApiException.unprocessable("REASON_REQUIRED", "退回申报时请写明原因");
    }
    int changed = sql.update("""
        update applications set status = ?, checked_by = ?, checked_at = now(), return_reason = ?
        where id = ? and status = 'SUBMITTED'""", pass ? "CHECKED" : "RETURNED",
        actor.username(), pass ? null : form.reason().trim(), applicationId);
    if (changed == 0) {
      throw ApiException.conflict("NOT_SUBMITTED", "这份申报已经审过了", Map.of());
    }
    audit.recordInVillage(actor, a[0], pass ? "APPLICATION_PASSED" : "APPLICATION_RETURNED",
        "application", applicationId, Map.of());
    return get(applicationId);
  }

  @Transactional
  public void addPhoto(Caller actor, long applicationId, byte[] bytes) {
    long[] a = locate(applicationId);
    guard.requireHousehold(actor, a[1]);
    PhotoUpload.Photo photo = PhotoUpload.check(bytes, MAX_PHOTO_BYTES);
    if (sql.number("select count(*) from application_photos where application_id = ?",
        applicationId) >= MAX_PHOTOS) {
      throw ApiException.unprocessable("TOO_MANY_PHOTOS", "每份申报最多 " + MAX_PHOTOS + " 张照片");
    }
    sql.update("insert into application_photos (application_id, content_type, bytes)"
        + " values (?, ?, ?)", applicationId, photo.contentType(), photo.bytes());
  }

  @Transactional
  public List<ApplicationResponse> forHousehold(long householdId) {
    return sql.list(SELECT + " where a.household_id = ? order by a.id desc limit 100",
        Applications::row, householdId);
  }

  /** A group leader sees the own group's; the committee all, optionally by status. */
  @Transactional
  public List<ApplicationResponse> forVillage(Caller actor, long villageId, String status) {
    List<Object> params = new ArrayList<>(List.of(villageId));
    StringBuilder where = new StringBuilder(" where a.village_id = ?");
    if (actor.role() == Role.GROUP_LEADER) {
      where.append(" and h.group_id = ?");
      params.add(actor.groupId());
    }
    if (status != null) {
      where.append(" and a.status = ?");
      params.add(status);
    }
    return sql.list(SELECT + where + " order by a.id desc limit 500", Applications::row,
        params.toArray());
  }

  @Transactional
  public ApplicationResponse get(long id) {
    return sql.one(SELECT + " where a.id = ?", Applications::row, id)
        .orElseThrow(() -> ApiException.notFound("APPLICATION_NOT_FOUND", "找不到这份申报"));
  }

  /** [villageId, householdId]. */
  private long[] locate(long applicationId) {
    return sql.one("select village_id, household_id from applications where id = ?",
        rs -> new long[] {rs.getLong(1), rs.getLong(2)}, applicationId)
        .orElseThrow(() -> ApiException.notFound("APPLICATION_NOT_FOUND", "找不到这份申报"));
  }

  private static ApplicationResponse row(java.sql.ResultSet rs) throws java.sql.SQLException {
    String status = rs.getString("status");
    String item = rs.getString("item_status");
    String batch = rs.getString("batch_status");
    String progress = item == null ? status
        : "DROPPED".equals(item) ? "DROPPED"
        : "POSTED".equals(item) ? "POSTED"
        : "NOTICE".equals(batch) ? "IN_NOTICE" : "AT_MEETING";
    return new ApplicationResponse(rs.getLong("id"), rs.getLong("household_id"),
        rs.getString("code"), rs.getString("head_name"), rs.getString("group_name"),
        rs.getLong("rule_id"), rs.getString("rule_name"), rs.getLong("points"),
        rs.getDate("occurred_on").toLocalDate(), rs.getString("description"), progress,
        rs.getString("return_reason"), Sql.time(rs, "submitted_at"),
        rs.getString("submitted_by"), rs.getInt("photos"));
  }
}
