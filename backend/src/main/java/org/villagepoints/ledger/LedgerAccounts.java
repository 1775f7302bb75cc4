package org.villagepoints.ledger;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.transaction.Transactional;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.household.HouseholdRegistry.HouseholdOpened;

/** Opens accounts: one per household (when it is registered) and the village's system ones. */
@Singleton
public class LedgerAccounts implements HouseholdOpened {

  public enum SystemAccount { ISSUANCE, SHOP, EXPIRY }

  private final Sql sql;
  /**
   * Account ids never change: cached so that postings skip these lookups. Safe with several
   * instances: accounts are never deleted or re-pointed, and an id cached from a transaction
   * that rolled back belongs to a household row that never committed, whose identity value
   * PostgreSQL never hands out again.
   */
  private final Map<Long, Long> households = new ConcurrentHashMap<>();
  private final Map<String, Long> systems = new ConcurrentHashMap<>();

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

  public long household(long householdId) {
    Long cached = households.get(householdId);
    if (cached != null) {
      return cached;
    }
    long id = sql.one("select id from ledger_accounts where household_id = ?",
            rs -> rs.getLong(1), householdId)
        .orElseThrow(() -> ApiException.notFound("HOUSEHOLD_NOT_FOUND", "找不到这一户的积分账户"));
    households.put(householdId, id);
    return id;
  }

  /**
   * The village's system account, created on first use. Looked up before inserting: an
   * insert would wait on the (hot) existing row while another posting holds its lock.
   */
  public long system(long villageId, SystemAccount kind) {
    String key = villageId + ":" + kind;
    Long cached = systems.get(key);
    if (cached != null) {
      return cached;
    }
    var found = sql.one("select id from ledger_accounts where village_id = ? and kind = ?",
        rs -> rs.getLong(1), villageId, kind.name());
    if (found.isPresent()) {
      systems.put(key, found.get());
      return found.get();
    }
    // Villages get their system accounts when created (V008 for older ones); this fallback
    // is not cached, since its transaction might still roll back.
    sql.update("""
        insert into ledger_accounts (village_id, kind) values (?, ?)
        on conflict (village_id, kind) where kind <> 'HOUSEHOLD' do nothing""",
        villageId, kind.name());
    return sql.number("select id from ledger_accounts where village_id = ? and kind = ?",
        villageId, kind.name());
  }
}
