package org.villagepoints.ledger;

/** Why points moved. The database CHECK lists the same names. */
public enum TransferKind {
  AWARD,
  DEDUCTION,
  REDEMPTION,
  REFUND,
  REVERSAL,
  EXPIRY,
  OPENING,
  ADJUSTMENT
}
