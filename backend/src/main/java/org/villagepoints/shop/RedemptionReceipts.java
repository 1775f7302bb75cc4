package org.villagepoints.shop;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/** Reads a redemption back as a receipt. */
@Singleton
public class RedemptionReceipts {

  private final Sql sql;

  RedemptionReceipts(Sql sql) {
    this.sql = sql;
  }

  @Transactional
  public long villageOf(long redemptionId) {
    return sql.one("select village_id from redemptions where id = ?", rs -> rs.getLong(1),
        redemptionId).orElseThrow(() -> ApiException.notFound("REDEMPTION_NOT_FOUND", "找不到这笔兑换"));
  }

  @Transactional
  public RedemptionResponse get(long id) {
    List<RedemptionResponse.Item> items = sql.list("""
        select i.product_id, p.name, p.unit, i.quantity, i.price_points
        from redemption_items i join products p on p.id = i.product_id
        where i.redemption_id = ? order by i.id""",
        rs -> new RedemptionResponse.Item(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getLong(4), rs.getLong(5), rs.getLong(4) * rs.getLong(5)), id);
    return sql.one("""
        select r.id, r.household_id, h.code, h.head_name, v.name village_name, r.points, r.method,
          r.attendant_username, r.created_at, r.refunded_at,
          (select e.balance_after from ledger_entries e join ledger_accounts a
             on a.id = e.account_id where e.transfer_id = r.transfer_id
             and a.household_id = r.household_id) balance_after
        from redemptions r join households h on h.id = r.household_id
          join villages v on v.id = r.village_id where r.id = ?""",
        rs -> new RedemptionResponse(rs.getLong("id"), rs.getLong("household_id"),
            rs.getString("code"), rs.getString("head_name"), rs.getString("village_name"),
            rs.getLong("points"), rs.getLong("balance_after"), rs.getString("method"),
            rs.getString("attendant_username"), Sql.time(rs, "created_at"),
            Sql.time(rs, "refunded_at"), items), id)
        .orElseThrow(() -> ApiException.notFound("REDEMPTION_NOT_FOUND", "找不到这笔兑换"));
  }
}
