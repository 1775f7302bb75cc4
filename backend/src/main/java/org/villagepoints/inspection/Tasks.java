package org.villagepoints.inspection;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * Rectification tasks: entered (from a finding, or as a weak point or household plan), changed
 * while not yet verified, listed. The workflow steps are in {@link TaskWorkflow}.
 */
@Singleton
public class Tasks {

  /** Who a task may be given to when no one is named. */
  static final String DEFAULT_OWNER = "村两委";

  /** A staff user of the village who may own tasks. */
  @Serdeable
  public record Owner(long userId, String name, String role) {}

  private final Sql sql;
  private final ScopeGuard guard;
  private final TaskRows rows;
  private final AuditService audit;

  Tasks(Sql sql, ScopeGuard guard, TaskRows rows, AuditService audit) {
    this.sql = sql;
    this.guard = guard;
    this.rows = rows;
    this.audit = audit;
  }

  /** A weak point or household plan of the village (the caller's scope is checked already). */
  @Transactional
  public TaskResponse create(Caller actor, long villageId, TaskForm form, LocalDate today) {
    Long household = null;
    if (form.kind().equals("HOUSEHOLD_PLAN")) {
      if (form.householdId() == null) {
        throw ApiException.badRequest("HOUSEHOLD_REQUIRED", "一户一策需要选定农户");
      }
      if (guard.villageOf(form.householdId()) != villageId) {
        throw ApiException.unprocessable("HOUSEHOLD_NOT_IN_VILLAGE", "这一户不是本村的");
      }
      household = form.householdId();
    }
    LocalDate deadline = Deadlines.check(form.deadline(), today.plusDays(Deadlines.OTHER_DAYS),
        today);
    long id = insert(actor, villageId, form.kind(), null, household, form.title().trim(),
        form.detail(), form.owner(), form.ownerUserId(), deadline);
    return rows.one(id, today).orElseThrow();
  }

  /** Inserts a task after checking its owner; answers its id. */
  long insert(Caller actor, long villageId, String kind, Long findingId, Long householdId,
      String title, String detail, String owner, Long ownerUserId, LocalDate deadline) {
    String ownerName = owner(villageId, owner, ownerUserId);
    long id = sql.number("""
        insert into rectification_tasks (village_id, kind, finding_id, household_id, title,
          detail, owner, owner_user_id, deadline, created_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", villageId, kind, findingId,
        householdId, title, detail == null ? "" : detail.trim(), ownerName, ownerUserId,
        Date.valueOf(deadline), actor.username());
    audit.recordInVillage(actor, villageId, "TASK_CREATED", "rectification_task", id,
        Map.of("kind", kind, "owner", ownerName, "deadline", deadline.toString()));
    return id;
  }

  @Transactional
  public TaskResponse edit(Caller actor, long id, TaskEditForm form, LocalDate today) {
    Object[] t = lock(actor, id);
    long village = (Long) t[0];
    String kind = (String) t[1];
    LocalDate deadline = (LocalDate) t[3];
    if (form.title() != null && form.title().isBlank()) {
      throw ApiException.badRequest("VALIDATION_FAILED", "标题不能为空");
    }
    if (t[2].equals("VERIFIED")) {
      throw ApiException.conflict("TASK_CLOSED", "这项整改已核实，不能再修改", Map.of());
    }
    LocalDate start = kind.equals("FINDING") ? sql.one("""
        select i.visited_on from rectification_tasks t
        join inspection_findings f on f.id = t.finding_id
        join inspections i on i.id = f.inspection_id where t.id = ?""",
        rs -> rs.getDate(1).toLocalDate(), id).orElseThrow() : (LocalDate) t[4];
    if (form.deadline() != null && !form.deadline().equals(deadline) && kind.equals("FINDING")
        && actor.role() == Role.VILLAGE_COMMITTEE) {
      throw ApiException.unprocessable("DEADLINE_SET_BY_INSPECTOR",
          "检查发现问题的整改期限由镇、区确定，村里不能修改");
    }
    LocalDate newDeadline = form.deadline() == null ? deadline
        : Deadlines.check(form.deadline(), deadline, start);
    boolean keepOwner = (form.owner() == null || form.owner().isBlank())
        && form.ownerUserId() == null;
    String owner = keepOwner ? (String) t[5] : owner(village, form.owner(), form.ownerUserId());
    Long ownerUser = keepOwner ? (Long) t[6] : form.ownerUserId();
    boolean own = !kind.equals("FINDING");
    sql.update("""
        update rectification_tasks set owner = ?, owner_user_id = ?, deadline = ?,
          title = case when ? and ?::text is not null then ? else title end,
          detail = case when ? and ?::text is not null then ? else detail end
        where id = ?""", owner, ownerUser, Date.valueOf(newDeadline), own,
        trim(form.title()), trim(form.title()), own, trim(form.detail()), trim(form.detail()),
        id);
    audit.recordInVillage(actor, village, "TASK_UPDATED", "rectification_task", id,
        Map.of("owner", owner, "deadline", newDeadline.toString()));
    return rows.one(id, today).orElseThrow();
  }

  @Transactional
  public List<TaskResponse> list(String where, long id, TaskRows.Filter filter, LocalDate today) {
    return rows.list(where, id, filter, today);
  }

  /** The village's staff users (committee, group leaders, attendants) who may own tasks. */
  @Transactional
  public List<Owner> owners(long villageId) {
    return sql.list("""
        select id, display_name, role from users where village_id = ? and enabled
          and role in ('VILLAGE_COMMITTEE', 'GROUP_LEADER', 'SHOP_ATTENDANT')
        order by array_position(array['VILLAGE_COMMITTEE', 'GROUP_LEADER', 'SHOP_ATTENDANT'],
          role), id""", rs -> new Owner(rs.getLong(1), rs.getString(2), rs.getString(3)),
        villageId);
  }

  /**
   * Locks a task the caller may act on: 404 for an unknown one, 403 outside the scope (checked
   * before anything about the task's state). Answers [village, kind, status, deadline, created
   * day, owner, owner user].
   */
  Object[] lock(Caller actor, long id) {
    long village = sql.one("select village_id from rectification_tasks where id = ?",
        rs -> rs.getLong(1), id)
        .orElseThrow(() -> ApiException.notFound("TASK_NOT_FOUND", "找不到这项整改任务"));
    guard.requireVillage(actor, village, false);
    return sql.one("""
        select village_id, kind, status, deadline, (created_at at time zone 'Asia/Shanghai')::date,
          owner, owner_user_id
        from rectification_tasks where id = ? for update""",
        rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getString(6),
            Sql.nullableLong(rs, "owner_user_id")}, id).orElseThrow();
  }

  /** The owner's name: the user's when one of the village is named, else the text given. */
  private String owner(long villageId, String text, Long userId) {
    String name = text == null || text.isBlank() ? null : text.trim();
    if (userId != null) {
      String user = sql.one("select display_name from users where id = ? and village_id = ?"
          + " and role <> 'VILLAGER'", rs -> rs.getString(1), userId, villageId)
          .orElseThrow(() -> ApiException.unprocessable("OWNER_NOT_IN_VILLAGE",
              "责任人应是本村的干部或工作人员"));
      return name != null ? name : user;
    }
    return name != null ? name : DEFAULT_OWNER;
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }
}
