package org.villagepoints.ledger;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.household.HouseholdRegistry.HouseholdOpened;

/** Opens accounts: one per household (when it is registered) and the village's system ones. */
@Singleton
public class LedgerAccounts implements HouseholdOpened {

  public enum SystemAccount { ISSUANCE, SHOP, EXPIRY }

  private final Sql sql;

  LedgerAccounts(Sql sql) {
    this.sql = sql;
  }

  @Override
  @Transactional
  public void opened(long householdId, long villageId) {
    sql.update("""
        insert into ledger_accounts (village_id, kind, household_id) values (?, 'HOUSEHOLD', ?)
        on conflict (household_id) do nothing""", villageId, householdId);
  }

  @Transactional
  public long household(long householdId) {
    return sql.one("select id from ledger_accounts where household_id = ?", rs -> rs.getLong(1),
            householdId)
        .orElseThrow(() -> ApiException.notFound("HOUSEHOLD_NOT_FOUND", "找不到这一户的积分账户"));
  }

  /** The village's system account, created on first use. */
  @Transactional
  public long system(long villageId, SystemAccount kind) {
    sql.update("""
        insert into ledger_accounts (village_id, kind) values (?, ?)
        on conflict (village_id, kind) where kind <> 'HOUSEHOLD' do nothing""",
        villageId, kind.name());
    return sql.number("select id from ledger_accounts where village_id = ? and kind = ?",
        villageId, kind.name());
  }
}
