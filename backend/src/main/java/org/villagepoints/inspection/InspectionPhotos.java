package org.villagepoints.inspection;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.PhotoUpload;
import org.villagepoints.common.Sql;

/**
 * One photo per finding (taken on the visit) and one per task (after the rectification),
 * checked by {@link PhotoUpload} (JPG/PNG/WebP by their first bytes, ≤ 5 MB) and kept in
 * PostgreSQL like rating photos. A new upload replaces the old one; a verified task's photos
 * no longer change.
 */
@Singleton
public class InspectionPhotos {

  static final int MAX_BYTES = 5 * PhotoUpload.MB;

  /** A stored photo and its content type. */
  public record Photo(String contentType, byte[] bytes) {}

  private final Sql sql;
  private final ScopeGuard guard;
  private final AuditService audit;

  InspectionPhotos(Sql sql, ScopeGuard guard, AuditService audit) {
    this.sql = sql;
    this.guard = guard;
    this.audit = audit;
  }

  @Transactional
  public void attachToFinding(Caller actor, long findingId, byte[] bytes) {
    long village = open(actor, "t.finding_id = ?", findingId);
    store(actor, village, "finding_id", findingId, bytes);
  }

  @Transactional
  public void attachToTask(Caller actor, long taskId, byte[] bytes) {
    long village = open(actor, "t.id = ?", taskId);
    store(actor, village, "task_id", taskId, bytes);
  }

  @Transactional
  public Photo ofFinding(Caller actor, long findingId) {
    return photo(actor, "finding_id", findingId);
  }

  @Transactional
  public Photo ofTask(Caller actor, long taskId) {
    return photo(actor, "task_id", taskId);
  }

  /** The village of the task (scope checked), refusing a verified one; locks the task. */
  private long open(Caller actor, String where, long id) {
    Object[] t = sql.one("select t.village_id, t.status from rectification_tasks t where "
        + where, rs -> new Object[] {rs.getLong(1), rs.getString(2)}, id)
        .orElseThrow(() -> ApiException.notFound(where.contains("finding") ? "FINDING_NOT_FOUND"
            : "TASK_NOT_FOUND", "找不到这一条"));
    guard.requireVillage(actor, (Long) t[0], false);
    String status = sql.one("select t.status from rectification_tasks t where " + where
        + " for update", rs -> rs.getString(1), id).orElseThrow();
    if (status.equals("VERIFIED")) {
      throw ApiException.conflict("TASK_CLOSED", "这项整改已核实，照片不能再改", Map.of());
    }
    return (Long) t[0];
  }

  private void store(Caller actor, long village, String column, long id, byte[] bytes) {
    PhotoUpload.Photo photo = PhotoUpload.check(bytes, MAX_BYTES);
    sql.update("""
        insert into inspection_photos (village_id, %1$s, content_type, bytes, uploaded_by)
        values (?, ?, ?, ?, ?) on conflict (%1$s) do update set
          content_type = excluded.content_type, bytes = excluded.bytes,
          uploaded_by = excluded.uploaded_by, uploaded_at = now()""".formatted(column), village,
        id, photo.contentType(), photo.bytes(), actor.username());
    audit.recordInVillage(actor, village, "INSPECTION_PHOTO_ADDED",
        column.equals("task_id") ? "rectification_task" : "inspection_finding", id,
        Map.of("bytes", bytes.length));
  }

  private Photo photo(Caller actor, String column, long id) {
    Object[] p = sql.one("select village_id, content_type, bytes from inspection_photos where "
        + column + " = ?", rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBytes(3)}, id)
        .orElse(null);
    if (p == null) {
      long village = sql.one(column.equals("task_id")
          ? "select village_id from rectification_tasks where id = ?"
          : "select village_id from inspection_findings where id = ?", rs -> rs.getLong(1), id)
          .orElseThrow(() -> ApiException.notFound("PHOTO_NOT_FOUND", "找不到这张照片"));
      guard.requireVillage(actor, village, false);
      throw ApiException.notFound("PHOTO_NOT_FOUND", "还没有照片");
    }
    guard.requireVillage(actor, (Long) p[0], false);
    return new Photo((String) p[1], (byte[]) p[2]);
  }
}
