package org.villagepoints.export;

import jakarta.inject.Singleton;
import java.util.List;

/**
 * 库存与捐赠台账: every stock movement of the month (goods received, redeemed, refunded,
 * adjusted, counted) with the stock after it; goods received name the donor or supplier. The
 * date is when it happened: goods received on the date entered with them, goods redeemed at
 * the redemption, anything else when it was entered. A donation's value belongs to the whole
 * donation, so it stands on its first line only and the column sums to the month's donations.
 */
@Singleton
class StockMovementBook implements Book.OfVillage {

  @Override
  public String key() {
    return "stock";
  }

  @Override
  public String title() {
    return "库存与捐赠台账";
  }

  @Override
  public List<Column> columns(ExportScope scope) {
    return List.of(
        Column.date("日期", 12, "on_day"),
        Column.text("商品", 16, "product"),
        Column.text("单位", 6, "unit"),
        Column.label("类型", 10, "kind", Labels.STOCK_KINDS),
        Column.signed("数量", 8, "quantity"),
        Column.integer("结存", 8, "stock_after"),
        Column.text("原因", 20, "reason"),
        Column.integer("登记单号", 10, "donation_id"),
        Column.label("来源", 8, "donation_kind", Labels.DONATION_KINDS),
        Column.text("捐赠方/供货方", 20, "donor_name"),
        Column.label("捐赠方类型", 14, "donor_type", Labels.DONOR_TYPES),
        Column.money("价值（元）", 12, "value_yuan"),
        Column.integer("兑换单号", 10, "redemption_id"),
        Column.text("经办人", 16, "actor_username"),
        Column.time("登记时间", 20, "recorded_at"));
  }

  @Override
  public Query query(ExportScope scope) {
    return Query.of("""
        select on_day, product, unit, kind, quantity, stock_after, reason, donation_id,
          donation_kind, donor_name, donor_type,
          case when donation_id is not null and row_number()
            over (partition by donation_id order by id) = 1 then value_yuan end value_yuan,
          redemption_id, actor_username, recorded_at
        from (
          select m.id, case when d.id is not null then d.occurred_on
              when m.kind = 'REDEMPTION_OUT' then (r.created_at at time zone 'Asia/Shanghai')::date
              else (m.occurred_at at time zone 'Asia/Shanghai')::date end on_day,
            p.name product, p.unit, m.kind, m.quantity, m.stock_after, m.reason,
            d.id donation_id, d.kind donation_kind, d.donor_name, d.donor_type, d.value_yuan,
            r.id redemption_id, m.actor_username, m.recorded_at
          from stock_movements m
          join products p on p.id = m.product_id
          left join donations d on m.source_type = 'DONATION' and d.id = m.source_id
            and d.village_id = m.village_id
          left join redemptions r on m.source_type = 'REDEMPTION' and r.id = m.source_id
            and r.village_id = m.village_id
          where m.village_id = ?) movements
        where on_day >= ? and on_day < ?
        order by on_day, id""",
        scope.placeId(), scope.month().firstDay(), scope.month().endDay());
  }
}
