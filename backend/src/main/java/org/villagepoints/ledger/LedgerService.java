package org.villagepoints.ledger;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.Paging;

/** The ledger's API facade: one call per handler, each delegating to the owning service. */
@Singleton
class LedgerService {

  private final LedgerQuery query;
  private final Corrections corrections;
  private final LedgerVerifier verifier;
  private final ExpiryService expiry;
  private final ScopeGuard guard;

  LedgerService(LedgerQuery query, Corrections corrections, LedgerVerifier verifier,
      ExpiryService expiry, ScopeGuard guard) {
    this.query = query;
    this.corrections = corrections;
    this.verifier = verifier;
    this.expiry = expiry;
    this.guard = guard;
  }

  Passbook passbook(long householdId, Paging paging, LocalDate from, LocalDate to) {
    return query.passbook(householdId, paging, from, to);
  }

  AdjustmentResponse adjust(Caller caller, long householdId, AdjustmentRequest request) {
    PostedTransfer t = corrections.adjust(caller, householdId, request.points(),
        request.reason().trim());
    return new AdjustmentResponse(t, request.points() > 0 ? t.toBalanceAfter()
        : t.fromBalanceAfter());
  }

  PostedTransfer reverse(Caller caller, long transferId, String reason) {
    return corrections.reverse(caller, transferId, reason.trim(), TransferKind.REVERSAL);
  }

  VerifyReport verify(Caller caller, Long villageId) {
    if (villageId != null) {
      guard.requireVillage(caller, villageId, false);
      return verifier.verify(villageId, null);
    }
    return verifier.verify(null, caller.districtId());
  }

  ExpiryPolicy policy(long villageId) {
    return expiry.policy(villageId);
  }

  ExpiryPolicy setPolicy(Caller caller, long villageId, ExpiryPolicy policy) {
    return expiry.setPolicy(caller, villageId, policy);
  }
}
