package org.villagepoints.shop;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ClientAddress;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.Sql;

/** Facade for the counter endpoints. */
@Singleton
class RedemptionCounter {

  private final RedemptionService redemptions;
  private final RedemptionReceipts receipts;
  private final QrTokens qr;
  private final ScopeGuard guard;
  private final ClientAddress clientIp;
  private final Sql sql;

  RedemptionCounter(RedemptionService redemptions, RedemptionReceipts receipts, QrTokens qr,
      ScopeGuard guard, ClientAddress clientIp, Sql sql) {
    this.redemptions = redemptions;
    this.receipts = receipts;
    this.qr = qr;
    this.guard = guard;
    this.clientIp = clientIp;
    this.sql = sql;
  }

  QrTokenResponse token(long householdId) {
    return qr.issue(householdId, sql.number("select village_id from households where id = ?",
        householdId));
  }

  RedemptionResponse redeem(Caller caller, RedeemRequest body, HttpRequest<?> request) {
    return redemptions.redeem(caller, body, clientIp.of(request));
  }

  RedemptionResponse refund(Caller caller, long id, String reason) {
    return redemptions.refund(caller, id, reason);
  }

  RedemptionResponse receipt(Caller caller, long id) {
    guard.requireVillage(caller, receipts.villageOf(id), false);
    return receipts.get(id);
  }
}
