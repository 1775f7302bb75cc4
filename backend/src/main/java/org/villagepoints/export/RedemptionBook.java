package org.villagepoints.export;

import jakarta.inject.Singleton;
import java.util.List;

/**
 * 积分兑换台账: the shop's redemptions made in the month, one row each with its goods, and
 * when and why it was refunded (a refund made later shows in the month of the redemption).
 */
@Singleton
class RedemptionBook implements Book.OfVillage {

  @Override
  public String key() {
    return "redemptions";
  }

  @Override
  public String title() {
    return "积分兑换台账";
  }

  @Override
  public List<Column> columns(ExportScope scope) {
    return List.of(
        Column.integer("兑换单号", 10, "id"),
        Column.time("兑换时间", 20, "created_at"),
        Column.text("户编号", 10, "code"),
        Column.text("户主姓名", 10, "head_name"),
        Column.text("组", 10, "group_name"),
        Column.label("方式", 12, "method", Labels.REDEMPTION_METHODS),
        Column.text("兑换商品", 36, "goods"),
        Column.integer("件数", 6, "pieces"),
        Column.integer("积分", 8, "points"),
        Column.text("经办人", 16, "attendant_username"),
        Column.time("退还时间", 20, "refunded_at"),
        Column.text("退还原因", 24, "refund_reason"));
  }

  @Override
  public Query query(ExportScope scope) {
    return Query.of("""
        select r.id, r.created_at, h.code, h.head_name, g.name group_name, r.method,
          (select string_agg(p.name || '×' || i.quantity, '、' order by i.id)
             from redemption_items i join products p on p.id = i.product_id
             where i.redemption_id = r.id) goods,
          (select sum(i.quantity) from redemption_items i where i.redemption_id = r.id) pieces,
          r.points, r.attendant_username, r.refunded_at, t.reason refund_reason
        from redemptions r
        join households h on h.id = r.household_id
        join household_groups g on g.id = h.group_id
        left join ledger_transfers t on t.id = r.refund_transfer_id
        where r.village_id = ? and r.created_at >= ? and r.created_at < ?
        order by r.created_at, r.id""",
        scope.placeId(), scope.month().start(), scope.month().end());
  }
}
