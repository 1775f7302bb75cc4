package org.villagepoints.award;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/** Reads batches with their items. */
@Singleton
public class AwardQuery {

  private final Sql sql;

  AwardQuery(Sql sql) {
    this.sql = sql;
  }

  @Transactional
  public BatchResponse get(long batchId) {
    List<BatchResponse.Item> items = sql.list("""
        select i.id, i.household_id, h.code, h.head_name, g.name group_name, i.rule_id,
          v.version, v.name rule_name, v.category, i.points, i.note, i.status, i.posted_points,
          i.cut_points, i.cut_reason,
          (select o.id from award_objections o where o.item_id = i.id and o.resolution is null
           order by o.id desc limit 1) open_objection
        from award_items i join households h on h.id = i.household_id
          join household_groups g on g.id = h.group_id
          join rule_versions v on v.id = i.rule_version_id
        where i.batch_id = ? order by g.position, h.code, i.id""",
        rs -> new BatchResponse.Item(rs.getLong("id"), rs.getLong("household_id"),
            rs.getString("code"), rs.getString("head_name"), rs.getString("group_name"),
            rs.getLong("rule_id"), rs.getInt("version"), rs.getString("rule_name"),
            rs.getString("category"), rs.getLong("points"), rs.getString("note"),
            rs.getString("status"), Sql.nullableLong(rs, "posted_points"),
            Sql.nullableLong(rs, "cut_points"), rs.getString("cut_reason"),
            Sql.nullableLong(rs, "open_objection")), batchId);
    return sql.one("""
        select id, village_id, title, meeting_date, status, notice_days, notice_starts_at,
          notice_ends_at, posted_at from award_batches where id = ?""",
        rs -> new BatchResponse(rs.getLong("id"), rs.getLong("village_id"), rs.getString("title"),
            rs.getDate("meeting_date").toLocalDate(), rs.getString("status"),
            (Integer) rs.getObject("notice_days"), Sql.time(rs, "notice_starts_at"),
            Sql.time(rs, "notice_ends_at"), Sql.time(rs, "posted_at"),
            items.stream().mapToLong(i -> i.postedPoints() != null ? i.postedPoints()
                : i.points()).sum(), items), batchId)
        .orElseThrow(() -> ApiException.notFound("BATCH_NOT_FOUND", "找不到这批评议"));
  }

  @Transactional
  public List<BatchResponse> forVillage(long villageId) {
    return sql.list("select id from award_batches where village_id = ?"
        + " order by meeting_date desc, id desc limit 50", rs -> rs.getLong(1), villageId)
        .stream().map(this::get).toList();
  }
}
