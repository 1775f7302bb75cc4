package org.villagepoints.rules;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * The rule catalogue. The district keeps a template; a village adopts it (a copy per rule,
 * linked to its template) and may change points, disable items or add its own. Every change
 * adds a version; award items and ledger transfers name the version they used.
 */
@Singleton
public class RuleCatalog {

  private static final String SELECT = """
      select r.id, v.category, v.name, v.points, v.cap_period, v.cap_points, v.evidence_required,
        r.active, v.version, v.id version_id, r.template_rule_id
      from rules r join rule_versions v on v.id = r.current_version""";
  private final Sql sql;
  private final AuditService audit;

  RuleCatalog(Sql sql, AuditService audit) {
    this.sql = sql;
    this.audit = audit;
  }

  @Transactional
  public List<RuleResponse> forVillage(long villageId) {
    return sql.list(SELECT + " where r.village_id = ? order by v.category, v.points desc, r.id",
        RuleCatalog::row, villageId);
  }

  @Transactional
  public List<RuleResponse> template(long districtId) {
    return sql.list(SELECT + " where r.district_id = ? and r.village_id is null"
        + " order by v.category, v.points desc, r.id", RuleCatalog::row, districtId);
  }

  @Transactional
  public RuleResponse get(long ruleId) {
    return sql.one(SELECT + " where r.id = ?", RuleCatalog::row, ruleId)
        .orElseThrow(() -> ApiException.notFound("RULE_NOT_FOUND", "找不到这条积分细则"));
  }

  /** Where a rule lives: [districtId, villageId or null]. */
  @Transactional
  public Long[] owner(long ruleId) {
    return sql.one("select district_id, village_id from rules where id = ?",
        rs -> new Long[] {rs.getLong(1), Sql.nullableLong(rs, "village_id")}, ruleId)
        .orElseThrow(() -> ApiException.notFound("RULE_NOT_FOUND", "找不到这条积分细则"));
  }

  @Transactional
  public RuleResponse createTemplateRule(Caller actor, long districtId, RuleForm form) {
    return get(insert(actor, districtId, null, null, form));
  }

  @Transactional
  public RuleResponse createVillageRule(Caller actor, long villageId, RuleForm form) {
    long district = sql.number("select district_id from villages where id = ?", villageId);
    long id = insert(actor, district, villageId, null, form);
    audit.recordInVillage(actor, villageId, "RULE_CREATED", "rule", id, Map.of("name", form.name()));
    return get(id);
  }

  /** A new version of the rule's terms; history keeps pointing at the old one. */
  @Transactional
  public RuleResponse update(Caller actor, long ruleId, RuleForm form) {
    Long[] owner = owner(ruleId);
    int next = (int) sql.number("select max(version) + 1 from rule_versions where rule_id = ?",
        ruleId);
    long version = addVersion(actor, ruleId, next, form);
    sql.update("update rules set current_version = ?, active = ? where id = ?", version,
        form.active() == null || form.active(), ruleId);
    if (owner[1] != null) {
      audit.recordInVillage(actor, owner[1], "RULE_CHANGED", "rule", ruleId,
          Map.of("version", next, "points", form.points()));
    }
    return get(ruleId);
  }

  /** Copies the district's active template rules the village does not have yet. */
  @Transactional
  public int adopt(Caller actor, long villageId) {
    long district = sql.number("select district_id from villages where id = ?", villageId);
    List<RuleResponse> missing = sql.list(SELECT + " " + """
         where r.district_id = ? and r.village_id is null and r.active
         and not exists (select 1 from rules own where own.village_id = ?
           and own.template_rule_id = r.id) order by r.id""", RuleCatalog::row, district,
        villageId);
    for (RuleResponse t : missing) {
      insert(actor, district, villageId, t.id(), new RuleForm(t.category(), t.name(), t.points(),
          t.capPeriod(), t.capPoints(), t.evidenceRequired(), true));
    }
    return missing.size();
  }

  private long insert(Caller actor, long districtId, Long villageId, Long template,
      RuleForm form) {
    long id = sql.number("insert into rules (district_id, village_id, template_rule_id, active)"
        + " values (?, ?, ?, ?) returning id", districtId, villageId, template,
        form.active() == null || form.active());
    long version = addVersion(actor, id, 1, form);
    sql.update("update rules set current_version = ? where id = ?", version, id);
    return id;
  }

  private long addVersion(Caller actor, long ruleId, int version, RuleForm form) {
    String period = form.capPeriod() == null || form.capPoints() == null ? "NONE"
        : form.capPeriod();
    if (form.points() == 0) {
      throw ApiException.unprocessable("BAD_POINTS", "细则分值不能为 0");
    }
    return sql.number("""
        insert into rule_versions (rule_id, version, category, name, points, cap_period,
          cap_points, evidence_required, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
        returning id""", ruleId, version, form.category().trim(), form.name().trim(),
        form.points(), period, "NONE".equals(period) ? null : form.capPoints(),
        Boolean.TRUE.equals(form.evidenceRequired()), actor.username());
  }

  static RuleResponse row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new RuleResponse(rs.getLong("id"), rs.getString("category"), rs.getString("name"),
        rs.getLong("points"), rs.getString("cap_period"), Sql.nullableLong(rs, "cap_points"),
        rs.getBoolean("evidence_required"), rs.getBoolean("active"), rs.getInt("version"),
        rs.getLong("version_id"), Sql.nullableLong(rs, "template_rule_id"));
  }
}
