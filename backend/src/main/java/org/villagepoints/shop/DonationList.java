package org.villagepoints.shop;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.villagepoints.common.PageResponse;
import org.villagepoints.common.Paging;
import org.villagepoints.common.Sql;

/** Reads of goods received: the record list with goods and vouchers, and the per-donor report. */
@Singleton
public class DonationList {

  private static final String PAGE_IDS = """
      select id from donations where village_id = ? order by occurred_on desc, id desc
      limit ? offset ?""";
  private final Sql sql;
  private final DonationVouchers vouchers;

  DonationList(Sql sql, DonationVouchers vouchers) {
    this.sql = sql;
    this.vouchers = vouchers;
  }

  /** Newest first (by the date of the goods). */
  @Transactional
  public PageResponse<DonationRecord> page(long villageId, Paging paging) {
    Map<Long, List<DonationRecord.Line>> lines = new LinkedHashMap<>();
    sql.list("""
        select m.source_id, p.id, p.name, p.unit, m.quantity
        from stock_movements m join products p on p.id = m.product_id
        where m.village_id = ? and m.source_type = 'DONATION' and m.source_id in (""" + PAGE_IDS
        + ") order by m.id", rs -> {
          lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new DonationRecord.Line(
              rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
          return 1;
        }, villageId, villageId, paging.size(), paging.offset());
    Map<Long, List<VoucherResponse>> photos = vouchers.byDonation(villageId);
    List<DonationRecord> items = sql.list("""
        select id, kind, donor_name, donor_type, occurred_on, value_yuan, note, actor_username,
          created_at from donations where id in (""" + PAGE_IDS
        + ") order by occurred_on desc, id desc", rs -> {
          long id = rs.getLong("id");
          return new DonationRecord(id, rs.getString("kind"), rs.getString("donor_name"),
              rs.getString("donor_type"), rs.getDate("occurred_on").toLocalDate(),
              rs.getBigDecimal("value_yuan"), rs.getString("note"),
              rs.getString("actor_username"), Sql.time(rs, "created_at"),
              lines.getOrDefault(id, List.of()), photos.getOrDefault(id, List.of()));
        }, villageId, paging.size(), paging.offset());
    long total = sql.number("select count(*) from donations where village_id = ?", villageId);
    return new PageResponse<>(items, paging.page(), paging.size(), total);
  }

  /** Totals per donor (and kind), largest value first, with the vouchers of their records. */
  @Transactional
  public List<DonorTotal> donorReport(long villageId) {
    Map<Long, List<VoucherResponse>> photos = vouchers.byDonation(villageId);
    return sql.list("""
        select donor_name, donor_type, kind, count(*) n, sum(value_yuan) value,
          max(occurred_on) last_on, array_agg(id order by id) ids
        from donations where village_id = ? group by donor_name, donor_type, kind
        order by sum(value_yuan) desc, donor_name""",
        rs -> new DonorTotal(rs.getString("donor_name"), rs.getString("donor_type"),
            rs.getString("kind"), rs.getInt("n"), rs.getBigDecimal("value"),
            rs.getDate("last_on").toLocalDate(),
            Arrays.stream((Long[]) rs.getArray("ids").getArray())
                .flatMap(id -> photos.getOrDefault(id, List.of()).stream()).toList()),
        villageId);
  }
}
