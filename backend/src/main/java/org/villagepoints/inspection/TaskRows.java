package org.villagepoints.inspection;

import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * Reads tasks with what the screens show beside them (village, household, finding, photos).
 * Lists come overdue first, then open, done, verified, each by deadline.
 */
@Singleton
class TaskRows {

  /** A list never grows past this (a town's tasks of several years stay far below it). */
  static final int MAX_ROWS = 2000;

  private static final String SELECT = """
      select t.*, v.name village_name, tw.name town_name, h.code household_code,
        h.head_name household_head, f.inspection_id, f.category, f.severity,
        f.description finding_description, i.visited_on,
        exists (select 1 from inspection_photos p where p.finding_id = t.finding_id) finding_photo,
        exists (select 1 from inspection_photos p where p.task_id = t.id) done_photo
      from rectification_tasks t
      join villages v on v.id = t.village_id
      join towns tw on tw.id = v.town_id
      left join households h on h.id = t.household_id
      left join inspection_findings f on f.id = t.finding_id
      left join inspections i on i.id = f.inspection_id
      """;

  private final Sql sql;

  TaskRows(Sql sql) {
    this.sql = sql;
  }

  /** Filters of a task list; null means any. */
  record Filter(String status, String kind, Boolean overdue) {

    static Filter of(String status, String kind, String overdue) {
      if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
        throw ApiException.badRequest("BAD_FILTER", "overdue 只能是 true 或 false");
      }
      if (status != null && !List.of("OPEN", "DONE", "VERIFIED").contains(status)) {
        throw ApiException.badRequest("BAD_STATUS", "状态只能是 OPEN、DONE 或 VERIFIED");
      }
      if (kind != null && !List.of("FINDING", "WEAK_POINT", "HOUSEHOLD_PLAN").contains(kind)) {
        throw ApiException.badRequest("BAD_KIND", "类型只能是 FINDING、WEAK_POINT 或 HOUSEHOLD_PLAN");
      }
      return new Filter(status, kind, overdue == null ? null : overdue.equals("true"));
    }
  }

  /** Tasks matching {@code where} (on alias t or v, with one parameter) and the filter. */
  List<TaskResponse> list(String where, long id, Filter filter, LocalDate today) {
    StringBuilder w = new StringBuilder(where);
    List<Object> params = new ArrayList<>(List.of(id));
    if (filter.status() != null) {
      w.append(" and t.status = ?");
      params.add(filter.status());
    }
    if (filter.kind() != null) {
      w.append(" and t.kind = ?");
      params.add(filter.kind());
    }
    if (filter.overdue() != null) {
      w.append(filter.overdue() ? " and" : " and not").append(" (t.status = 'OPEN' and t.deadline < ?)");
      params.add(Date.valueOf(today));
    }
    params.add(Date.valueOf(today));
    params.add(MAX_ROWS);
    return sql.list(SELECT + " where " + w + """
         order by (t.status = 'OPEN' and t.deadline < ?) desc,
          array_position(array['OPEN', 'DONE', 'VERIFIED'], t.status), t.deadline, t.id
        limit ?""", rs -> row(rs, today), params.toArray());
  }

  Optional<TaskResponse> one(long id, LocalDate today) {
    return sql.one(SELECT + " where t.id = ?", rs -> row(rs, today), id);
  }

  /** The tasks of a visit's findings, in the findings' order. */
  List<TaskResponse> ofInspection(long inspectionId, LocalDate today) {
    return sql.list(SELECT + " where f.inspection_id = ? order by f.position",
        rs -> row(rs, today), inspectionId);
  }

  private static TaskResponse row(ResultSet rs, LocalDate today) throws SQLException {
    String status = rs.getString("status");
    LocalDate deadline = rs.getDate("deadline").toLocalDate();
    Date visited = rs.getDate("visited_on");
    String title = rs.getString("title");
    return new TaskResponse(rs.getLong("id"), rs.getLong("village_id"),
        rs.getString("village_name"), rs.getString("town_name"), rs.getString("kind"),
        title != null ? title : rs.getString("finding_description"), rs.getString("detail"),
        Sql.nullableLong(rs, "household_id"), rs.getString("household_code"),
        rs.getString("household_head"), Sql.nullableLong(rs, "finding_id"),
        Sql.nullableLong(rs, "inspection_id"), rs.getString("category"),
        rs.getString("severity"), visited == null ? null : visited.toLocalDate(),
        rs.getString("owner"), Sql.nullableLong(rs, "owner_user_id"), deadline, status,
        status.equals("OPEN") && deadline.isBefore(today), rs.getBoolean("finding_photo"),
        rs.getBoolean("done_photo"), rs.getString("done_note"), rs.getString("done_by"),
        Sql.time(rs, "done_at"), rs.getString("verified_by"), Sql.time(rs, "verified_at"),
        rs.getString("review_note"), rs.getString("reopened_by"), Sql.time(rs, "reopened_at"),
        rs.getString("created_by"), Sql.time(rs, "created_at"));
  }
}
