package org.villagepoints.award;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.Sql;

/** A village's award policy: notice days (default 3) and the unusual-amount multiple (3). */
@Singleton
public class AwardPolicies {

  private final Sql sql;
  private final AuditService audit;

  AwardPolicies(Sql sql, AuditService audit) {
    this.sql = sql;
    this.audit = audit;
  }

  @Transactional
  public PolicyForm get(long villageId) {
    return sql.one("select notice_days, unusual_multiple from village_award_policies"
        + " where village_id = ?", rs -> new PolicyForm(rs.getInt(1), rs.getInt(2)), villageId)
        .orElse(new PolicyForm(3, 3));
  }

  @Transactional
  public PolicyForm set(Caller actor, long villageId, PolicyForm form) {
    sql.update("""
        insert into village_award_policies (village_id, notice_days, unusual_multiple)
        values (?, ?, coalesce(?::integer, 3)) on conflict (village_id) do update set
          notice_days = excluded.notice_days,
          unusual_multiple = coalesce(?::integer, village_award_policies.unusual_multiple)""",
        villageId, form.noticeDays(), form.unusualMultiple(), form.unusualMultiple());
    PolicyForm now = get(villageId);
    audit.recordInVillage(actor, villageId, "AWARD_POLICY_SET", "village", villageId,
        Map.of("noticeDays", now.noticeDays(), "unusualMultiple", now.unusualMultiple()));
    return now;
  }
}
