package org.villagepoints.standard;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * The district's 九有六无 checklist. Deleting retires an item (answers keep their copy of it),
 * and editing changes only self-checks that have not been submitted yet.
 */
@Singleton
public class Checklist {

  private static final String SELECT = "select id, kind, position, title, description, evidence,"
      + " weight, link, threshold from standard_items";
  private final Sql sql;
  private final AuditService audit;

  Checklist(Sql sql, AuditService audit) {
    this.sql = sql;
    this.audit = audit;
  }

  @Transactional
  public List<ChecklistItem> forDistrict(long districtId) {
    return sql.list(SELECT + " where district_id = ? and active order by kind desc, position, id",
        Checklist::row, districtId);
  }

  @Transactional
  public ChecklistItem create(Caller actor, long districtId, ItemForm form) {
    check(form);
    long id = sql.number("insert into standard_items (district_id, kind, position, title,"
        + " description, evidence, weight, link, threshold) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " returning id", districtId, form.kind(), form.position(), form.title().trim(),
        text(form.description()), text(form.evidence()), form.weight(), form.link(),
        form.threshold());
    audit.record(actor, "STANDARD_ITEM_CREATED", "standard_item", id,
        Map.of("title", form.title()));
    return get(id);
  }

  @Transactional
  public ChecklistItem update(Caller actor, long id, ItemForm form) {
    check(form);
    sql.update("update standard_items set kind = ?, position = ?, title = ?, description = ?,"
        + " evidence = ?, weight = ?, link = ?, threshold = ?, updated_at = now()"
        + " where id = ? and active", form.kind(), form.position(), form.title().trim(),
        text(form.description()), text(form.evidence()), form.weight(), form.link(),
        form.threshold(), id);
    audit.record(actor, "STANDARD_ITEM_UPDATED", "standard_item", id,
        Map.of("title", form.title()));
    return get(id);
  }

  @Transactional
  public void retire(Caller actor, long id) {
    sql.update("update standard_items set active = false, updated_at = now() where id = ?", id);
    audit.record(actor, "STANDARD_ITEM_RETIRED", "standard_item", id, Map.of());
  }

  @Transactional
  public ChecklistItem get(long id) {
    return sql.one(SELECT + " where id = ? and active", Checklist::row, id)
        .orElseThrow(() -> ApiException.notFound("ITEM_NOT_FOUND", "找不到这一项（可能已删除）"));
  }

  /** The district of an active item (404 if unknown or retired). */
  @Transactional
  public long districtOf(long id) {
    return sql.one("select district_id from standard_items where id = ? and active",
        rs -> rs.getLong(1), id)
        .orElseThrow(() -> ApiException.notFound("ITEM_NOT_FOUND", "找不到这一项（可能已删除）"));
  }

  /** Loads the example checklist once (demo mode): nothing happens if the district has items. */
  @Transactional
  public void seedExamples(Caller actor, long districtId) {
    if (sql.number("select count(*) from standard_items where district_id = ?", districtId) == 0) {
      ExampleChecklist.ITEMS.forEach(item -> create(actor, districtId, item));
    }
  }

  private static void check(ItemForm form) {
    BigDecimal t = form.threshold();
    if (t != null && t.signum() < 0) {
      throw ApiException.badRequest("BAD_THRESHOLD", "达标线不能是负数");
    }
    boolean rate = "PARTICIPATION_RATE".equals(form.link())
        || "CLEAN_HOUSEHOLD_RATE".equals(form.link());
    if (rate && t != null && t.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw ApiException.badRequest("BAD_THRESHOLD", "比率的达标线按百分数填写，不能超过 100");
    }
    if (form.link() != null && !"NOTICE_EVERY_MONTH".equals(form.link()) && t == null) {
      throw ApiException.badRequest("BAD_THRESHOLD", "关联了平台数据，请填写达标线");
    }
  }

  private static String text(String s) {
    return s == null ? "" : s.trim();
  }

  private static ChecklistItem row(ResultSet rs) throws SQLException {
    return new ChecklistItem(rs.getLong("id"), rs.getString("kind"), rs.getInt("position"),
        rs.getString("title"), rs.getString("description"), rs.getString("evidence"),
        rs.getInt("weight"), rs.getString("link"), rs.getBigDecimal("threshold"));
  }
}
