package org.villagepoints.export;

import jakarta.inject.Singleton;
import java.util.List;

/**
 * 评议公示台账: the meeting batches held in the month (by meeting date) with their notice
 * period and status, one row per item (household, rule, points, what was posted); a batch
 * without items still has its row.
 */
@Singleton
class AwardBatchBook implements Book.OfVillage {

  @Override
  public String key() {
    return "award-batches";
  }

  @Override
  public String title() {
    return "评议公示台账";
  }

  @Override
  public List<Column> columns(ExportScope scope) {
    return List.of(
        Column.integer("批次号", 8, "batch_id"),
        Column.text("批次", 20, "title"),
        Column.date("会议日期", 12, "meeting_date"),
        Column.time("公示开始", 20, "notice_starts_at"),
        Column.time("公示结束", 20, "notice_ends_at"),
        Column.label("批次状态", 10, "status", Labels.BATCH_STATUSES),
        Column.text("户编号", 10, "code"),
        Column.text("户主姓名", 10, "head_name"),
        Column.text("组", 10, "group_name"),
        Column.text("类别", 12, "category"),
        Column.text("细则", 30, "rule_name"),
        Column.signed("积分", 8, "points"),
        Column.label("条目状态", 10, "item_status", Labels.ITEM_STATUSES),
        Column.signed("入账积分", 10, "posted_points"),
        Column.text("核减说明", 30, "cut_reason"),
        Column.text("备注", 24, "note"));
  }

  @Override
  public Query query(ExportScope scope) {
    return Query.of("""
        select b.id batch_id, b.title, b.meeting_date, b.notice_starts_at, b.notice_ends_at,
          b.status, h.code, h.head_name, g.name group_name, v.category, v.name rule_name,
          i.points, i.status item_status, i.posted_points, i.cut_reason, i.note
        from award_batches b
        left join award_items i on i.batch_id = b.id and i.village_id = b.village_id
        left join households h on h.id = i.household_id
        left join household_groups g on g.id = h.group_id
        left join rule_versions v on v.id = i.rule_version_id
        where b.village_id = ? and b.meeting_date >= ? and b.meeting_date < ?
        order by b.meeting_date, b.id, i.id""",
        scope.placeId(), scope.month().firstDay(), scope.month().endDay());
  }
}
