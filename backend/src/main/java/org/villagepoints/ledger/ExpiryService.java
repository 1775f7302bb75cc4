package org.villagepoints.ledger;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.ledger.LedgerAccounts.SystemAccount;

/**
 * Yearly expiry, oldest points first. Earnings (AWARD, OPENING and positive ADJUSTMENT
 * credits) fall into buckets by the year of the deed; every other movement out of a household
 * (spending, deductions, reversals, earlier expiries) consumes the oldest bucket first. What
 * is left of year Y's bucket is therefore
 * {@code clamp(earnedUpTo(Y) - (totalEarned - balance), 0, earned(Y))}, and that is what
 * expires. Each household's year expires once: a second run skips it, and a unique index
 * on (account, year) backs this. Points posted later for a deed in an already expired year
 * are not expired retroactively; they count as the oldest points and are spent first.
 */
@Singleton
public class ExpiryService {

  /** The actor recorded for postings made by scheduled jobs. */
  public static final Caller SYSTEM = Caller.SYSTEM;

  private static final String REMAINING = """
      with e as (
        select en.account_id,
          coalesce(sum(en.amount) filter (where en.amount > 0 and en.kind in %1$s), 0) total,
          coalesce(sum(en.amount) filter (where en.amount > 0 and en.kind in %1$s
            and extract(year from en.occurred_at at time zone 'Asia/Shanghai') <= ?), 0) upto,
          coalesce(sum(en.amount) filter (where en.amount > 0 and en.kind in %1$s
            and extract(year from en.occurred_at at time zone 'Asia/Shanghai') = ?), 0) earned
        from ledger_entries en join ledger_accounts a on a.id = en.account_id
        where a.village_id = ? and a.kind = 'HOUSEHOLD' %2$s
        group by en.account_id)
      select a.id, greatest(0, least(e.earned, e.upto - (e.total - a.balance))) remaining
      from ledger_accounts a join e on e.account_id = a.id
      where not exists (select 1 from ledger_transfers t where t.kind = 'EXPIRY'
        and t.from_account_id = a.id and t.source_id = ?)
      """;
  private static final String EARNING_KINDS = "('AWARD', 'OPENING', 'ADJUSTMENT')";

  private final Sql sql;
  private final PostingService posting;
  private final LedgerAccounts accounts;
  private final AuditService audit;

  ExpiryService(Sql sql, PostingService posting, LedgerAccounts accounts, AuditService audit) {
    this.sql = sql;
    this.posting = posting;
    this.accounts = accounts;
    this.audit = audit;
  }

  @Transactional
  public ExpiryPolicy policy(long villageId) {
    return sql.one("select expiry, expiry_month_day from village_ledger_policies where village_id = ?",
        rs -> new ExpiryPolicy(rs.getString(1), rs.getString(2)), villageId)
        .orElse(ExpiryPolicy.NONE);
  }

  @Transactional
  public ExpiryPolicy setPolicy(Caller actor, long villageId, ExpiryPolicy policy) {
    try {
      policy.expiresOn(2024);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("BAD_DATE", "过期日期无效：" + policy.monthDay());
    }
    sql.update("""
        insert into village_ledger_policies (village_id, expiry, expiry_month_day) values (?, ?, ?)
        on conflict (village_id) do update set expiry = excluded.expiry,
          expiry_month_day = excluded.expiry_month_day, updated_at = now()""",
        villageId, policy.expiry(), policy.monthDay());
    audit.recordInVillage(actor, villageId, "EXPIRY_POLICY_SET", "village", villageId,
        Map.of("expiry", policy.expiry(), "monthDay", policy.monthDay()));
    return policy;
  }

  /**
   * Expires what is left of {@code earnedYear}'s points in one village, as one atomic batch.
   * Answers the number of points expired. Safe to run twice or from two instances at once:
   * a transaction-scoped advisory lock serialises runs per village.
   */
  @Transactional
  public long expire(long villageId, int earnedYear) {
    sql.one("select pg_advisory_xact_lock(?, ?)", rs -> 1, 0x4558_5059, (int) villageId);
    long expiryAccount = accounts.system(villageId, SystemAccount.EXPIRY);
    List<long[]> remaining = remaining(villageId, earnedYear, null);
    List<TransferRequest> batch = new ArrayList<>();
    Instant at = Instant.now();
    for (long[] r : remaining) {
      if (r[1] > 0) {
        batch.add(TransferRequest.of(villageId, TransferKind.EXPIRY, r[0], expiryAccount, r[1],
            earnedYear + " 年积分到期", at, "EXPIRY_YEAR", Integer.toString(earnedYear)));
      }
    }
    posting.post(SYSTEM, batch);
    return batch.stream().mapToLong(TransferRequest::amount).sum();
  }

  /** Points of a household that will expire next, or null when none or no expiry policy. */
  @Transactional
  public Passbook.Expiring expiringFor(long villageId, long accountId, LocalDate today) {
    ExpiryPolicy policy = policy(villageId);
    if (!policy.yearly()) {
      return null;
    }
    // Last year's points first: their date may have passed with the job still to run today.
    for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
      long points = remaining(villageId, year, accountId).stream().mapToLong(r -> r[1]).sum();
      if (points > 0) {
        return new Passbook.Expiring(year, points, policy.expiresOn(year));
      }
    }
    return null;
  }

  /** Villages with a yearly policy whose expiry date for {@code earnedYear} has come. */
  @Transactional
  public List<Long> villagesDue(LocalDate today) {
    return sql.list("select village_id, expiry_month_day from village_ledger_policies"
            + " where expiry = 'YEARLY'", rs -> new Object[] {rs.getLong(1), rs.getString(2)})
        .stream()
        .filter(r -> !today.isBefore(new ExpiryPolicy("YEARLY", (String) r[1])
            .expiresOn(today.getYear() - 1)))
        .map(r -> (Long) r[0]).toList();
  }

  private List<long[]> remaining(long villageId, int year, Long accountId) {
    String sqlText = REMAINING.formatted(EARNING_KINDS, accountId == null ? "" : "and a.id = ?");
    return accountId == null
        ? sql.list(sqlText, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, year, year, villageId,
            Integer.toString(year))
        : sql.list(sqlText, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, year, year, villageId,
            accountId, Integer.toString(year));
  }
}
