package org.villagepoints.export;

import jakarta.inject.Singleton;
import java.util.List;

/**
 * 各村积分汇总: one row per village of the district for the month, computed from the raw
 * tables with GROUP BY (fine for a monthly report; the dashboards read rollups). Counted as the
 * dashboards count: by the month of the deed or sale, and a reversal or refund against the
 * transfer it undoes (its kind and month). From household-account entries: issued = AWARD,
 * deducted = DEDUCTION, redeemed = REDEMPTION (net of refunds), other = opening, adjustment
 * and expiry; so each row reconciles: opening + issued − deducted − redeemed + other = closing.
 * Households are those not archived by the month's end (registering in the system may come
 * after a household's first deeds, so the registration date is not used); participants
 * are those of them with at least one award in the month that was not reversed; redemptions
 * count those of the month not refunded.
 */
@Singleton
class DistrictSummaryBook implements Book {

  @Override
  public String key() {
    return "summary";
  }

  @Override
  public String title() {
    return "各村积分汇总";
  }

  @Override
  public List<Column> columns(ExportScope scope) {
    return List.of(
        Column.text("镇/街道", 14, "town_name"),
        Column.text("村", 14, "village_name"),
        Column.integer("在册户数", 10, "households"),
        Column.integer("获奖励户数", 11, "participants"),
        Column.percent("参与率", 9, "participation"),
        Column.integer("月初积分余额", 13, "opening"),
        Column.integer("本月发放", 10, "issued"),
        Column.integer("本月扣减", 10, "deducted"),
        Column.integer("本月兑换", 10, "redeemed"),
        Column.signed("其他变动", 10, "other"),
        Column.integer("月末积分余额", 13, "closing"),
        Column.integer("兑换笔数", 10, "redemptions"));
  }

  /** One row per village: no need to run the aggregation twice to count them. */
  @Override
  public Query count(ExportScope scope) {
    return Query.of("select count(*) from villages where district_id = ?", scope.placeId());
  }

  @Override
  public Query query(ExportScope scope) {
    var start = scope.month().start();
    var end = scope.month().end();
    return Query.of("""
        with params as (select ?::bigint district, ?::timestamptz s, ?::timestamptz e),
        v as (
          select v.id, v.name, t.id town_id, t.name town_name from villages v
          join towns t on t.id = v.town_id where v.district_id = (select district from params)
        ), hh as (
          select h.id, h.village_id from households h, params
          where h.village_id in (select id from v)
            and (h.archived_at is null or h.archived_at >= e)
        ), moves as (
          select e.village_id, a.household_id, e.amount, coalesce(o.kind, t.kind) kind,
            coalesce(o.occurred_at, t.occurred_at) basis,
            case when t.reverses_transfer_id is null then 1 else -1 end sign
          from ledger_entries e
          join ledger_accounts a on a.id = e.account_id and a.kind = 'HOUSEHOLD'
          join ledger_transfers t on t.id = e.transfer_id
          left join ledger_transfers o on o.id = t.reverses_transfer_id
          where e.village_id in (select id from v)
        ), sums as (
          select village_id,
            sum(amount) filter (where basis < s) opening,
            sum(amount) filter (where basis >= s and basis < e and kind = 'AWARD') issued,
            sum(-amount) filter (where basis >= s and basis < e and kind = 'DEDUCTION') deducted,
            sum(-amount) filter (where basis >= s and basis < e and kind = 'REDEMPTION') redeemed,
            sum(amount) filter (where basis >= s and basis < e
              and kind not in ('AWARD', 'DEDUCTION', 'REDEMPTION')) other,
            sum(amount) filter (where basis < e) closing
          from moves, params group by village_id
        ), awarded as (
          select village_id, household_id from moves, params
          where kind = 'AWARD' and basis >= s and basis < e
          group by village_id, household_id having sum(sign) > 0
        ), part as (
          select a.village_id, count(*) n from awarded a join hh on hh.id = a.household_id
          group by a.village_id
        ), shop as (
          select r.village_id, count(*) n from redemptions r, params
          where r.village_id in (select id from v) and r.created_at >= s and r.created_at < e
            and r.refund_transfer_id is null
          group by r.village_id
        ), households as (
          select village_id, count(*) n from hh group by village_id
        )
        select v.town_name, v.name village_name, coalesce(h.n, 0) households,
          coalesce(p.n, 0) participants, round(coalesce(p.n, 0)::numeric / nullif(h.n, 0), 4)
            participation,
          coalesce(opening, 0) opening, coalesce(issued, 0) issued,
          coalesce(deducted, 0) deducted, coalesce(redeemed, 0) redeemed,
          coalesce(other, 0) other, coalesce(closing, 0) closing, coalesce(r.n, 0) redemptions
        from v left join households h on h.village_id = v.id
        left join sums on sums.village_id = v.id left join part p on p.village_id = v.id
        left join shop r on r.village_id = v.id
        order by v.town_id, v.id""", scope.placeId(), start, end);
  }
}
