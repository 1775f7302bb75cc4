package org.villagepoints.inspection;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * The steps of a task: the committee marks it DONE with a note (即查即改; a photo may follow),
 * the town or district VERIFIES it, or reopens it (back to OPEN with a reason and, if the old
 * one has passed, a new deadline). Each step locks the task and checks its state after the
 * caller's scope.
 */
@Singleton
public class TaskWorkflow {

  private final Sql sql;
  private final Tasks tasks;
  private final TaskRows rows;
  private final AuditService audit;

  TaskWorkflow(Sql sql, Tasks tasks, TaskRows rows, AuditService audit) {
    this.sql = sql;
    this.tasks = tasks;
    this.rows = rows;
    this.audit = audit;
  }

  @Transactional
  public TaskResponse done(Caller actor, long id, String note, LocalDate today) {
    Object[] t = tasks.lock(actor, id);
    if (!t[2].equals("OPEN")) {
      throw ApiException.conflict("TASK_NOT_OPEN", "这项整改已经标记完成", Map.of("status", t[2]));
    }
    sql.update("update rectification_tasks set status = 'DONE', done_note = ?, done_by = ?,"
        + " done_at = now() where id = ?", note.trim(), actor.username(), id);
    return step(actor, t, id, "TASK_DONE", today);
  }

  @Transactional
  public TaskResponse verify(Caller actor, long id, String note, LocalDate today) {
    Object[] t = tasks.lock(actor, id);
    requireDone(t);
    sql.update("update rectification_tasks set status = 'VERIFIED', verified_by = ?,"
        + " verified_at = now(), review_note = ? where id = ?", actor.username(),
        note == null || note.isBlank() ? null : note.trim(), id);
    return step(actor, t, id, "TASK_VERIFIED", today);
  }

  @Transactional
  public TaskResponse reopen(Caller actor, long id, NoteForm.Reopen form, LocalDate today) {
    Object[] t = tasks.lock(actor, id);
    requireDone(t);
    LocalDate deadline = form.deadline() == null ? (LocalDate) t[3]
        : Deadlines.check(form.deadline(), today, today);
    sql.update("""
        update rectification_tasks set status = 'OPEN', done_note = null, done_by = null,
          done_at = null, review_note = ?, reopened_by = ?, reopened_at = now(), deadline = ?
        where id = ?""", form.note().trim(), actor.username(), Date.valueOf(deadline), id);
    return step(actor, t, id, "TASK_REOPENED", today);
  }

  private static void requireDone(Object[] task) {
    if (!task[2].equals("DONE")) {
      throw ApiException.conflict("TASK_NOT_DONE", task[2].equals("OPEN")
          ? "村里还没有标记整改完成" : "这项整改已经核实过了", Map.of("status", task[2]));
    }
  }

  private TaskResponse step(Caller actor, Object[] task, long id, String action,
      LocalDate today) {
    audit.recordInVillage(actor, (Long) task[0], action, "rectification_task", id, Map.of());
    return rows.one(id, today).orElseThrow();
  }
}
