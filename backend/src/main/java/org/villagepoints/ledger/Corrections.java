package org.villagepoints.ledger;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.ledger.LedgerAccounts.SystemAccount;

/** Fixing mistakes without editing history: reversals and manual adjustments. */
@Singleton
public class Corrections {

  static final long MAX_ADJUSTMENT = 100_000;

  private final PostingService posting;
  private final LedgerAccounts accounts;
  private final ScopeGuard guard;
  private final AuditService audit;
  private final Sql sql;

  Corrections(PostingService posting, LedgerAccounts accounts, ScopeGuard guard,
      AuditService audit, Sql sql) {
    this.posting = posting;
    this.accounts = accounts;
    this.guard = guard;
    this.audit = audit;
    this.sql = sql;
  }

  record Original(long id, long villageId, String kind, long from, long to, long amount,
      Long reverses) {}

  /** Village of a transfer, for scope checks before anything else happens. */
  @Transactional
  public long villageOfTransfer(long transferId) {
    return sql.one("select village_id from ledger_transfers where id = ?", rs -> rs.getLong(1),
            transferId)
        .orElseThrow(() -> ApiException.notFound("TRANSFER_NOT_FOUND", "找不到这笔积分记录"));
  }

  /**
   * Posts the mirror transfer of {@code transferId}, at most once (the database's unique
   * constraint on reverses_transfer_id backs this check). Refused when the points were already
   * spent: the household would go negative.
   */
  @Transactional
  public PostedTransfer reverse(Caller actor, long transferId, String reason,
      TransferKind kind) {
    Original o = sql.one("""
        select id, village_id, kind, from_account_id, to_account_id, amount, reverses_transfer_id
        from ledger_transfers where id = ?""",
        rs -> new Original(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
            rs.getLong(5), rs.getLong(6), Sql.nullableLong(rs, "reverses_transfer_id")),
        transferId)
        .orElseThrow(() -> ApiException.notFound("TRANSFER_NOT_FOUND", "找不到这笔积分记录"));
    guard.requireVillage(actor, o.villageId(), false);
    if (o.reverses() != null) {
      throw ApiException.conflict("CANNOT_REVERSE_A_REVERSAL", "这笔本身是冲正或退还记录，不能再冲正",
          Map.of("transferId", transferId));
    }
    // Lock both accounts first, so two concurrent reversals are serialised before the check.
    sql.list("select id from ledger_accounts where id in (?, ?) order by id for update",
        rs -> rs.getLong(1), o.from(), o.to());
    if (sql.number("select count(*) from ledger_transfers where reverses_transfer_id = ?",
        transferId) > 0) {
      throw ApiException.conflict("ALREADY_REVERSED", "这笔积分已经冲正过了，不能重复冲正",
          Map.of("transferId", transferId));
    }
    PostedTransfer posted;
    try {
      posted = posting.post(actor, new TransferRequest(o.villageId(), kind, o.to(), o.from(),
          o.amount(), reason, Instant.now(), "TRANSFER", Long.toString(transferId), transferId));
    } catch (ApiException e) {
      if (e.code().equals("INSUFFICIENT_POINTS")) {
        throw ApiException.conflict("INSUFFICIENT_POINTS",
            "这笔积分已被使用，无法冲正：" + e.getMessage(), e.data());
      }
      throw e;
    }
    audit.recordInVillage(actor, o.villageId(), "TRANSFER_REVERSED", "transfer", transferId,
        Map.of("reversal", posted.id(), "amount", o.amount(), "reason", reason));
    return posted;
  }

  /** A manual correction: positive points come from issuance, negative go back to it. */
  @Transactional
  public PostedTransfer adjust(Caller actor, long householdId, long points, String reason) {
    if (points == 0 || Math.abs(points) > MAX_ADJUSTMENT) {
      throw ApiException.unprocessable("BAD_POINTS", "调整分值不能为 0，且绝对值不超过 " + MAX_ADJUSTMENT);
    }
    long villageId = guard.villageOfHousehold(actor, householdId);
    long household = accounts.household(householdId);
    long issuance = accounts.system(villageId, SystemAccount.ISSUANCE);
    TransferRequest request = points > 0
        ? TransferRequest.of(villageId, TransferKind.ADJUSTMENT, issuance, household, points,
            reason, Instant.now(), "ADJUSTMENT", null)
        : TransferRequest.of(villageId, TransferKind.ADJUSTMENT, household, issuance, -points,
            reason, Instant.now(), "ADJUSTMENT", null);
    PostedTransfer posted = posting.post(actor, request);
    audit.recordInVillage(actor, villageId, "POINTS_ADJUSTED", "household", householdId,
        Map.of("points", points, "reason", reason, "transfer", posted.id()));
    return posted;
  }
}
