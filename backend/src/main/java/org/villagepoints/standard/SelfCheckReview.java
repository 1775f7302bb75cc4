package org.villagepoints.standard;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/** The town's review of a submitted self-check; approving computes the score ({@link Score}). */
@Singleton
public class SelfCheckReview {

  private final Sql sql;
  private final ScopeGuard guard;
  private final SelfChecks checks;
  private final AuditService audit;

  SelfCheckReview(Sql sql, ScopeGuard guard, SelfChecks checks, AuditService audit) {
    this.sql = sql;
    this.guard = guard;
    this.checks = checks;
    this.audit = audit;
  }

  @Transactional
  public SelfCheckResponse review(Caller actor, long id, ReviewForm form) {
    long village = checks.villageOf(id);
    guard.requireVillage(actor, village, false);
    String status = sql.one("select status from self_checks where id = ? for update",
        rs -> rs.getString(1), id).orElseThrow();
    if (!status.equals("SUBMITTED")) {
      throw ApiException.conflict("NOT_SUBMITTED", "这份自查表不在待审核状态", Map.of());
    }
    boolean approve = switch (form.decision()) {
      case "APPROVE" -> true;
      case "RETURN" -> false;
      default -> throw ApiException.badRequest("BAD_DECISION", "审核结论只能是通过或退回");
    };
    String note = form.note() == null ? "" : form.note().trim();
    if (!approve && note.isEmpty()) {
      throw ApiException.badRequest("NOTE_REQUIRED", "退回时请写明原因");
    }
    Set<Long> reviewed = new HashSet<>();
    for (ReviewForm.Item item : form.items()) {
      String itemNote = item.note() == null ? "" : item.note().trim();
      if (!item.agree() && itemNote.isEmpty()) {
        throw ApiException.badRequest("NOTE_REQUIRED", "不同意村里自评的项，请写明意见");
      }
      if (sql.update("update self_check_answers set town_agrees = ?, town_note = ?"
          + " where id = ? and self_check_id = ?", item.agree(), itemNote, item.answerId(), id)
          == 0) {
        throw ApiException.badRequest("ANSWER_NOT_FOUND", "审核里有不属于这份自查表的项");
      }
      reviewed.add(item.answerId());
    }
    List<Long> all = sql.list("select id from self_check_answers where self_check_id = ?",
        rs -> rs.getLong(1), id);
    if (approve && !reviewed.containsAll(all)) {
      throw ApiException.badRequest("UNREVIEWED", "还有 " + (all.size() - reviewed.size())
          + " 项没有审核，每一项都要同意或不同意后才能通过");
    }
    if (approve) {
      sql.update("""
          update self_checks c set status = 'APPROVED', reviewed_by = ?, reviewed_at = now(),
            review_note = ?,
            score = (select coalesce(sum(weight) filter (where met = town_agrees), 0)
              from self_check_answers where self_check_id = c.id),
            max_score = (select coalesce(sum(weight), 0) from self_check_answers
              where self_check_id = c.id)
          where id = ?""", actor.username(), note, id);
    } else {
      sql.update("update self_checks set status = 'RETURNED', reviewed_by = ?,"
          + " reviewed_at = now(), review_note = ? where id = ?", actor.username(), note, id);
    }
    audit.recordInVillage(actor, village, approve ? "SELF_CHECK_APPROVED" : "SELF_CHECK_RETURNED",
        "self_check", id, Map.of());
    return checks.get(actor, id);
  }
}
