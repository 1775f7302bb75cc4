package org.villagepoints.dashboard;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.villagepoints.common.Sql;

/** The breakdowns of one village's dashboard; each reads one village's rows only. */
@Singleton
class VillageDetails {

  private final Sql sql;

  VillageDetails(Sql sql) {
    this.sql = sql;
  }

  /** The per-group table and the top households, from one pass over the village's households. */
  record Households(List<VillageDashboard.Group> groups, List<VillageDashboard.TopHousehold> top) {}

  /**
   * Every household of the village with its awards and points in the period, by group (groups
   * without households too), summed into {@link Households} here. For a month, quarter or year
   * the rollup keeps one row per household; for a custom period its month rows are summed. One
   * query instead of a per-group and a top-ten query: each read the same 300 households and
   * their rollup rows, about 2.5 ms of PostgreSQL each at district scale.
   */
  Households households(long village, Period p) {
    String activity = p.standard() ? """
        select household_id, awards, points from household_activity
        where village_id = ? and period_kind = ? and period_start = ?"""
        : """
        select household_id, sum(awards) awards, sum(points) points from household_activity
        where village_id = ? and period_kind = 'M' and period_start between ? and ?
        group by household_id""";
    Object second = p.standard() ? p.kind() : Date.valueOf(p.from());
    Object third = p.standard() ? Date.valueOf(p.from()) : Date.valueOf(p.lastMonth());
    List<Member> members = sql.list("""
        with a as (%s)
        select g.id, g.name, h.id household_id, h.code, h.head_name, h.status = 'ACTIVE',
          coalesce(a.awards, 0), coalesce(a.points, 0)
        from household_groups g
        left join households h on h.group_id = g.id
        left join a on a.household_id = h.id
        where g.village_id = ?
        order by g.position, g.id""".formatted(activity),
        rs -> new Member(rs.getLong(1), rs.getString(2), Sql.nullableLong(rs, "household_id"),
            rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getLong(7), rs.getLong(8)),
        village, second, third, village);
    Map<Long, List<Member>> byGroup = new LinkedHashMap<>(); // in the groups' order
    members.forEach(m -> byGroup.computeIfAbsent(m.group, k -> new ArrayList<>()).add(m));
    List<VillageDashboard.Group> groups = new ArrayList<>();
    byGroup.forEach((id, list) -> {
      List<Member> in = list.stream().filter(m -> m.household != null).toList();
      long households = in.stream().filter(Member::active).count();
      long participants = in.stream().filter(m -> m.awards > 0).count();
      groups.add(new VillageDashboard.Group(id, list.get(0).groupName, households, participants,
          VillageFigures.rate(participants, households),
          in.stream().mapToLong(Member::points).sum()));
    });
    List<VillageDashboard.TopHousehold> top = members.stream()
        .filter(m -> m.household != null && m.points > 0)
        .sorted(Comparator.comparingLong(Member::points).reversed()
            .thenComparing(Member::code))
        .limit(10)
        .map(m -> new VillageDashboard.TopHousehold(m.household, m.code, m.headName,
            m.groupName, m.points))
        .toList();
    return new Households(groups, top);
  }

  /** One row of {@link #households}: a household with its group, or a group without any. */
  private record Member(long group, String groupName, Long household, String code,
      String headName, boolean active, long awards, long points) {}

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
        select pr.id, pr.name, sum(m.quantity) quantity, sum(m.points) points
        from product_months m
        join products pr on pr.id = m.product_id
        where m.village_id = ? and m.month between ? and ?
        group by pr.id having sum(m.quantity) > 0
        order by quantity desc, points desc, pr.id limit 10""",
        rs -> new VillageDashboard.Product(rs.getLong(1), rs.getString(2), rs.getLong(3),
            rs.getLong(4)),
        village, Date.valueOf(p.from()), Date.valueOf(p.lastMonth()));
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
