package org.villagepoints.ledger;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Paging;
import org.villagepoints.common.Sql;

/** Reads balances and passbooks. Scope has been checked by {@code @InScope}. */
@Singleton
public class LedgerQuery {

  private final Sql sql;
  private final ExpiryService expiry;

  LedgerQuery(Sql sql, ExpiryService expiry) {
    this.sql = sql;
    this.expiry = expiry;
  }

  @Transactional
  public Passbook passbook(long householdId, Paging paging, LocalDate from, LocalDate to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.badRequest("BAD_PERIOD", "开始日期不能晚于结束日期");
    }
    long[] account = sql.one("select id, balance, village_id from ledger_accounts where household_id = ?",
            rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, householdId)
        .orElseThrow(() -> ApiException.notFound("HOUSEHOLD_NOT_FOUND", "找不到这一户的积分账户"));
    StringBuilder where = new StringBuilder("e.account_id = ?");
    List<Object> params = new ArrayList<>(List.of(account[0]));
    if (from != null) {
      where.append(" and e.occurred_at >= ?");
      params.add(from.atStartOfDay(Sql.ZONE).toInstant());
    }
    if (to != null) {
      where.append(" and e.occurred_at < ?");
      params.add(to.plusDays(1).atStartOfDay(Sql.ZONE).toInstant());
    }
    long total = sql.number("select count(*) from ledger_entries e where " + where,
        params.toArray());
    params.add(paging.offset());
    params.add(paging.size());
    List<PassbookLine> lines = sql.list("""
        select e.id, e.transfer_id, e.amount, e.balance_after, e.kind, t.reason, e.occurred_at,
          e.recorded_at, t.actor_username, t.reverses_transfer_id,
          (select r.id from ledger_transfers r where r.reverses_transfer_id = t.id) reversed_by
        from ledger_entries e join ledger_transfers t on t.id = e.transfer_id
        where %s order by e.account_seq desc offset ? limit ?""".formatted(where),
        rs -> new PassbookLine(rs.getLong("id"), rs.getLong("transfer_id"), rs.getLong("amount"),
            rs.getLong("balance_after"), rs.getString("kind"), rs.getString("reason"),
            Sql.time(rs, "occurred_at"), Sql.time(rs, "recorded_at"),
            rs.getString("actor_username"), Sql.nullableLong(rs, "reverses_transfer_id"),
            Sql.nullableLong(rs, "reversed_by")), params.toArray());
    return new Passbook(householdId, account[1], lines, paging.page(), paging.size(), total,
        expiry.expiringFor(account[2], account[0], LocalDate.now(Sql.ZONE)));
  }
}
