package org.villagepoints.inspection;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * Visits (巡检 / 暗访 / 回访) recorded by town and district staff. A visit and every finding's
 * rectification task are written in one transaction: a refused finding leaves nothing behind.
 */
@Singleton
public class Inspections {

  private static final String SELECT = """
      select i.*, v.name village_name, fi.visited_on follows_visited_on,
        (select count(*) from inspection_findings f where f.inspection_id = i.id) finding_count,
        (select count(*) from inspection_findings f join rectification_tasks t
           on t.finding_id = f.id where f.inspection_id = i.id and t.status <> 'VERIFIED')
          unverified
      from inspections i join villages v on v.id = i.village_id
      left join inspections fi on fi.id = i.follows_id
      """;

  private final Sql sql;
  private final ScopeGuard guard;
  private final Tasks tasks;
  private final TaskRows rows;
  private final AuditService audit;

  Inspections(Sql sql, ScopeGuard guard, Tasks tasks, TaskRows rows, AuditService audit) {
    this.sql = sql;
    this.guard = guard;
    this.tasks = tasks;
    this.rows = rows;
    this.audit = audit;
  }

  /** Records a visit of town or district staff (the caller's scope is checked already). */
  @Transactional
  public InspectionResponse record(Caller actor, long villageId, VisitForm form,
      LocalDate today) {
    if (actor.role() != Role.TOWN_ADMIN && actor.role() != Role.DISTRICT_ADMIN) {
      throw ApiException.forbidden();
    }
    LocalDate day = form.visitedOn();
    if (day.isAfter(today) || day.getYear() < 2000) {
      throw ApiException.badRequest("BAD_VISIT_DATE", "检查日期不能晚于今天");
    }
    checkFollowUp(villageId, form);
    String name = sql.one("select display_name from users where id = ?", rs -> rs.getString(1),
        actor.userId()).orElse(actor.username());
    long id = sql.number("""
        insert into inspections (village_id, kind, visited_on, level, inspector, inspector_name,
          follows_id, notes)
        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", villageId, form.kind(), Date.valueOf(day),
        actor.role() == Role.TOWN_ADMIN ? "TOWN" : "DISTRICT", actor.username(), name,
        form.followsId(), form.notes() == null ? "" : form.notes().trim());
    List<VisitForm.Finding> findings = form.findings() == null ? List.of() : form.findings();
    for (int i = 0; i < findings.size(); i++) {
      VisitForm.Finding f = findings.get(i);
      long finding = sql.number("""
          insert into inspection_findings (inspection_id, village_id, position, category,
            severity, description)
          values (?, ?, ?, ?, ?, ?) returning id""", id, villageId, i + 1, f.category(),
          f.severity(), f.description().trim());
      LocalDate deadline = Deadlines.check(f.deadline(), Deadlines.forSeverity(f.severity(), day),
          day);
      tasks.insert(actor, villageId, "FINDING", finding, null, null, "", f.owner(),
          f.ownerUserId(), deadline);
    }
    audit.recordInVillage(actor, villageId, "INSPECTION_RECORDED", "inspection", id,
        Map.of("kind", form.kind(), "visitedOn", day.toString(), "findings", findings.size()));
    return get(actor, id, today);
  }

  /** A village's visits, newest first. */
  @Transactional
  public List<InspectionResponse> list(long villageId) {
    return sql.list(SELECT + " where i.village_id = ? order by i.visited_on desc, i.id desc",
        Inspections::row, villageId);
  }

  /** One visit with its findings and their tasks. */
  @Transactional
  public InspectionResponse get(Caller actor, long id, LocalDate today) {
    InspectionResponse visit = sql.one(SELECT + " where i.id = ?", Inspections::row, id)
        .orElseThrow(() -> ApiException.notFound("INSPECTION_NOT_FOUND", "找不到这次检查"));
    guard.requireVillage(actor, visit.villageId(), false);
    List<InspectionResponse.Finding> findings = new ArrayList<>();
    for (TaskResponse t : rows.ofInspection(id, today)) {
      findings.add(new InspectionResponse.Finding(t.findingId(), findings.size() + 1,
          t.category(), t.severity(), t.title(), t.findingPhoto(), t));
    }
    return visit.withFindings(findings);
  }

  /** A follow-up may name an earlier visit of the same village; other kinds name none. */
  private void checkFollowUp(long villageId, VisitForm form) {
    if (form.followsId() == null) {
      return;
    }
    if (!form.kind().equals("FOLLOW_UP")) {
      throw ApiException.unprocessable("BAD_FOLLOW_UP", "只有回访才能注明回访的是哪一次检查");
    }
    boolean ok = sql.number("select count(*) from inspections where id = ? and village_id = ?"
        + " and visited_on <= ?", form.followsId(), villageId, Date.valueOf(form.visitedOn())) > 0;
    if (!ok) {
      throw ApiException.unprocessable("BAD_FOLLOW_UP", "回访的应是本村此前的一次检查");
    }
  }

  private static InspectionResponse row(ResultSet rs) throws SQLException {
    Date follows = rs.getDate("follows_visited_on");
    return new InspectionResponse(rs.getLong("id"), rs.getLong("village_id"),
        rs.getString("village_name"), rs.getString("kind"),
        rs.getDate("visited_on").toLocalDate(), rs.getString("level"), rs.getString("inspector"),
        rs.getString("inspector_name"), Sql.nullableLong(rs, "follows_id"),
        follows == null ? null : follows.toLocalDate(), rs.getString("notes"),
        rs.getInt("finding_count"), rs.getInt("unverified"), Sql.time(rs, "created_at"), null);
  }
}
