package org.villagepoints.award;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.Sql;
import org.villagepoints.ledger.LedgerAccounts;
import org.villagepoints.ledger.LedgerAccounts.SystemAccount;
import org.villagepoints.ledger.PostedTransfer;
import org.villagepoints.ledger.PostingService;
import org.villagepoints.ledger.TransferKind;
import org.villagepoints.ledger.TransferRequest;

/**
 * Posts a batch's active items as one atomic ledger batch. Caps apply here: an item over its
 * rule's cap (per household, per month/quarter/year of the deed) is cut to what the cap
 * allows; a deduction larger than the balance takes what is there. Both cuts are recorded on
 * the item. Due batches are claimed with FOR UPDATE SKIP LOCKED, so several instances (or
 * two runs) never post one twice.
 */
@Singleton
public class AwardPosting {

  private final Sql sql;
  private final PostingService posting;
  private final LedgerAccounts accounts;

  AwardPosting(Sql sql, PostingService posting, LedgerAccounts accounts) {
    this.sql = sql;
    this.posting = posting;
    this.accounts = accounts;
  }

  record Item(long id, long householdId, long ruleId, long versionId, long points,
      String ruleName, String capPeriod, Long capPoints, Instant occurredAt, String note) {}

  /** Posts every batch whose notice has ended by {@code now}; answers how many. */
  @Transactional
  public int postDue(Instant now) {
    List<Long> due = sql.list("""
        select id from award_batches where status = 'NOTICE' and notice_ends_at <= ?
        order by id for update skip locked limit 20""", rs -> rs.getLong(1), now);
    due.forEach(this::post);
    return due.size();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void post(long batchId) {
    long village = sql.number("select village_id from award_batches where id = ?", batchId);
    List<Item> items = sql.list("""
        select i.id, i.household_id, i.rule_id, i.rule_version_id, i.points, v.name,
          v.cap_period, v.cap_points, i.occurred_at, i.note
        from award_items i join rule_versions v on v.id = i.rule_version_id
        where i.batch_id = ? and i.status = 'ACTIVE'
        order by (i.points < 0), i.id""",
        rs -> new Item(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
            rs.getLong(5), rs.getString(6), rs.getString(7), Sql.nullableLong(rs, "cap_points"),
            rs.getTimestamp(9).toInstant(), rs.getString(10)), batchId);
    long issuance = accounts.system(village, SystemAccount.ISSUANCE);
    // Lock every account the batch touches, in id order like PostingService, and read the
    // balances under that lock (deductions are limited to them).
    List<Long> ids = new ArrayList<>(List.of(issuance));
    items.forEach(i -> ids.add(accounts.household(i.householdId())));
    Map<Long, Long> balances = new HashMap<>();
    sql.list("select id, balance from ledger_accounts where id = any(?::bigint[])"
        + " order by id for update", rs -> balances.put(rs.getLong(1), rs.getLong(2)),
        (Object) ids.toArray(Long[]::new));
    Map<String, Long> capUsed = new HashMap<>();
    List<TransferRequest> transfers = new ArrayList<>();
    List<Object[]> outcomes = new ArrayList<>();
    for (Item item : items) {
      long account = accounts.household(item.householdId());
      long allowed = Math.abs(item.points());
      String cut = null;
      if (item.capPoints() != null && item.points() > 0) {
        String key = item.householdId() + ":" + item.ruleId() + ":" + period(item);
        long used = capUsed.computeIfAbsent(key, k -> alreadyPosted(item));
        long room = Math.max(0, item.capPoints() - used);
        if (room < allowed) {
          allowed = room;
          cut = "超过“" + item.ruleName() + "”的上限（每" + periodName(item.capPeriod()) + " "
              + item.capPoints() + " 分）";
        }
        capUsed.put(key, used + allowed);
      }
      long balance = balances.get(account);
      if (item.points() < 0 && balance < allowed) {
        allowed = balance;
        cut = "余额不足，只扣 " + balance + " 分";
      }
      balances.put(account, balance + (item.points() > 0 ? allowed : -allowed));
      if (allowed > 0) {
        String reason = item.ruleName() + (item.note() == null ? "" : "：" + item.note());
        transfers.add(item.points() > 0
            ? TransferRequest.of(village, TransferKind.AWARD, issuance, account, allowed,
                cut(reason), item.occurredAt(), "RULE_VERSION", Long.toString(item.versionId()))
            : TransferRequest.of(village, TransferKind.DEDUCTION, account, issuance, allowed,
                cut(reason), item.occurredAt(), "RULE_VERSION", Long.toString(item.versionId())));
      }
      outcomes.add(new Object[] {item, allowed, cut});
    }
    List<PostedTransfer> posted = posting.post(Caller.SYSTEM, transfers);
    int next = 0;
    for (Object[] o : outcomes) {
      Item item = (Item) o[0];
      long allowed = (Long) o[1];
      Long transfer = allowed > 0 ? posted.get(next++).id() : null;
      long signed = item.points() > 0 ? allowed : -allowed;
      sql.update("""
          update award_items set status = 'POSTED', posted_points = ?, cut_points = ?,
            cut_reason = ?, transfer_id = ? where id = ?""", signed,
          Math.abs(item.points()) - allowed, o[2], transfer, item.id());
    }
    sql.update("update award_batches set status = 'POSTED', posted_at = coalesce(posted_at, now())"
        + " where id = ?", batchId);
  }

  private long alreadyPosted(Item item) {
    return sql.number("""
        select coalesce(sum(posted_points), 0) from award_items
        where household_id = ? and rule_id = ? and status = 'POSTED' and posted_points > 0
          and date_trunc(?, occurred_at at time zone 'Asia/Shanghai')
            = date_trunc(?, ?::timestamptz at time zone 'Asia/Shanghai')""",
        item.householdId(), item.ruleId(), unit(item.capPeriod()), unit(item.capPeriod()),
        java.sql.Timestamp.from(item.occurredAt()));
  }

  private static String period(Item item) {
    var d = item.occurredAt().atZone(Sql.ZONE).toLocalDate();
    return switch (item.capPeriod()) {
      case "MONTH" -> d.getYear() + "-" + d.getMonthValue();
      case "QUARTER" -> d.getYear() + "Q" + ((d.getMonthValue() - 1) / 3 + 1);
      default -> Integer.toString(d.getYear());
    };
  }

  private static String unit(String capPeriod) {
    return switch (capPeriod) {
      case "MONTH" -> "month";
      case "QUARTER" -> "quarter";
      default -> "year";
    };
  }

  private static String periodName(String capPeriod) {
    return switch (capPeriod) {
      case "MONTH" -> "月";
      case "QUARTER" -> "季度";
      default -> "年";
    };
  }

  private static String cut(String reason) {
    return reason.length() <= 200 ? reason : reason.substring(0, 197) + "…";
  }
}
