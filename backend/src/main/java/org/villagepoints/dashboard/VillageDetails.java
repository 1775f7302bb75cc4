package org.villagepoints.dashboard;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import org.villagepoints.common.Sql;

/** The breakdowns of one village's dashboard; each reads one village's rows only. */
@Singleton
class VillageDetails {

  private final Sql sql;

  VillageDetails(Sql sql) {
    this.sql = sql;
  }

  List<VillageDashboard.Group> groups(long village, Period p) {
    return sql.list("""
        select g.id, g.name, count(h.id) filter (where h.status = 'ACTIVE') households,
          count(h.id) filter (where a.awards > 0) participants, coalesce(sum(a.points), 0) points
        from household_groups g
        left join households h on h.group_id = g.id
        left join (
          select household_id, sum(awards) awards, sum(points) points from household_activity
          where village_id = ? and period_kind = 'M' and period_start between ? and ?
          group by household_id) a on a.household_id = h.id
        where g.village_id = ?
        group by g.id order by g.position, g.id""",
        rs -> new VillageDashboard.Group(rs.getLong(1), rs.getString(2), rs.getLong(3),
            rs.getLong(4), VillageFigures.rate(rs.getLong(4), rs.getLong(3)), rs.getLong(5)),
        village, Date.valueOf(p.from()), Date.valueOf(p.lastMonth()), village);
  }

  List<VillageDashboard.Category> categories(long village, Period p) {
    return sql.list("""
        select category, sum(points_issued) issued, sum(points_deducted) deducted,
          sum(transfers) transfers
        from category_months
        where village_id = ? and month between ? and ?
        group by category order by issued desc, deducted desc, category""",
        rs -> new VillageDashboard.Category(rs.getString(1), rs.getLong(2), rs.getLong(3),
            rs.getLong(4)),
        village, Date.valueOf(p.from()), Date.valueOf(p.lastMonth()));
  }

  List<VillageDashboard.TopHousehold> topHouseholds(long village, Period p) {
    return sql.list("""
        select h.id, h.code, h.head_name, g.name, a.points
        from (select household_id, sum(points) points from household_activity
              where village_id = ? and period_kind = 'M' and period_start between ? and ?
              group by household_id having sum(points) > 0) a
        join households h on h.id = a.household_id
        join household_groups g on g.id = h.group_id
        order by a.points desc, h.code limit 10""",
        rs -> new VillageDashboard.TopHousehold(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getLong(5)),
        village, Date.valueOf(p.from()), Date.valueOf(p.lastMonth()));
  }

  VillageDashboard.Rating rating(long village, Period p) {
    return sql.one("""
        select s.round_id, r.name, s.period_end, s.rated, s.clean, s.stars
        from rating_round_stats s join rating_rounds r on r.id = s.round_id
        where s.village_id = ? and s.period_end <= ?
        order by s.period_end desc, s.round_id desc limit 1""",
        rs -> {
          Array stars = rs.getArray("stars");
          return new VillageDashboard.Rating(rs.getLong(1), rs.getString(2),
              rs.getDate(3).toLocalDate(), rs.getLong(4), rs.getLong(5),
              Arrays.asList((Integer[]) stars.getArray()));
        }, village, Date.valueOf(p.to())).orElse(null);
  }

  VillageDashboard.Shop shop(VillageFigures f, Period p) {
    long village = f.villageId();
    List<VillageDashboard.Product> top = sql.list("""
        select pr.id, pr.name, sum(i.quantity) quantity, sum(i.quantity * i.price_points) points
        from redemptions r
        join redemption_items i on i.redemption_id = r.id
        join products pr on pr.id = i.product_id
        where r.village_id = ? and r.refunded_at is null
          and r.created_at >= ?::date at time zone 'Asia/Shanghai'
          and r.created_at < (?::date + 1) at time zone 'Asia/Shanghai'
        group by pr.id order by quantity desc, points desc limit 10""",
        rs -> new VillageDashboard.Product(rs.getLong(1), rs.getString(2), rs.getLong(3),
            rs.getLong(4)),
        village, Date.valueOf(p.from()), Date.valueOf(p.to()));
    Object[] gifts = sql.one("""
        select count(*) filter (where kind = 'DONATION'),
          coalesce(sum(value_yuan) filter (where kind = 'DONATION'), 0),
          coalesce(sum(value_yuan) filter (where kind = 'PURCHASE'), 0)
        from donations where village_id = ? and occurred_on between ? and ?""",
        rs -> new Object[] {rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)},
        village, Date.valueOf(p.from()), Date.valueOf(p.to())).orElseThrow();
    List<VillageDashboard.LowStock> low = sql.list("""
        select id, name, stock, low_stock_threshold from products
        where village_id = ? and active and stock <= low_stock_threshold
        order by stock, name""",
        rs -> new VillageDashboard.LowStock(rs.getLong(1), rs.getString(2), rs.getLong(3),
            rs.getLong(4)),
        village);
    return new VillageDashboard.Shop(f.redemptions(), f.pointsRedeemed(), top, (Long) gifts[0],
        (BigDecimal) gifts[1], (BigDecimal) gifts[2], low);
  }
}
