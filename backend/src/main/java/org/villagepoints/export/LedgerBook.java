package org.villagepoints.export;

import jakarta.inject.Singleton;
import java.util.List;

/**
 * 积分流水台账: every entry of the village's household accounts whose deed or sale happened in
 * the month ({@code occurred_at}, as the dashboards count months), in that order. When it was
 * recorded is a column of its own: points for a deed of March approved in April are in the
 * March book, recorded in April. A reversal is dated when it was made.
 */
@Singleton
class LedgerBook implements Book.OfVillage {

  @Override
  public String key() {
    return "ledger";
  }

  @Override
  public String title() {
    return "积分流水台账";
  }

  @Override
  public List<Column> columns(ExportScope scope) {
    return List.of(
        Column.day("日期", 12, "occurred_at"),
        Column.text("户编号", 10, "code"),
        Column.text("户主姓名", 10, "head_name"),
        Column.text("组", 10, "group_name"),
        Column.label("类型", 10, "kind", Labels.TRANSFER_KINDS),
        Column.text("事由", 40, "reason"),
        Column.signed("积分", 8, "amount"),
        Column.integer("变动后余额", 11, "balance_after"),
        Column.time("记账时间", 20, "recorded_at"),
        Column.text("经办人", 16, "actor_username"),
        Column.integer("流水号", 10, "transfer_id"));
  }

  @Override
  public Query query(ExportScope scope) {
    return Query.of("""
        select e.occurred_at, h.code, h.head_name, g.name group_name, e.kind, t.reason, e.amount,
          e.balance_after, e.recorded_at, t.actor_username, e.transfer_id
        from ledger_entries e
        join ledger_accounts a on a.id = e.account_id and a.kind = 'HOUSEHOLD'
        join households h on h.id = a.household_id
        join household_groups g on g.id = h.group_id
        join ledger_transfers t on t.id = e.transfer_id
        where e.village_id = ? and e.occurred_at >= ? and e.occurred_at < ?
        order by e.occurred_at, e.id""",
        scope.placeId(), scope.month().start(), scope.month().end());
  }
}
