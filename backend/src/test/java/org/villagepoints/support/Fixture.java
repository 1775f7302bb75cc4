package org.villagepoints.support;

import org.villagepoints.auth.Caller;
import org.villagepoints.auth.Role;
import org.villagepoints.common.Sql;

/** Looks up demo ids and builds callers for service-level tests. */
public record Fixture(Sql sql) {

  public long village(String slug) {
    return sql.number("select id from villages where slug = ?", slug);
  }

  public long household(String slug, String code) {
    return sql.one("select h.id from households h join villages v on v.id = h.village_id"
        + " where v.slug = ? and h.code = ?", rs -> rs.getLong(1), slug, code)
        .orElseThrow(() -> new AssertionError("no household " + code + " in " + slug));
  }

  public long account(long householdId) {
    return sql.number("select id from ledger_accounts where household_id = ?", householdId);
  }

  public long balance(long householdId) {
    return sql.number("select balance from ledger_accounts where household_id = ?", householdId);
  }

  public Caller committee(String slug) {
    long village = village(slug);
    long user = sql.number("select id from users where username = ?", slug + "-committee");
    return new Caller(user, slug + "-committee", Role.VILLAGE_COMMITTEE, null, null, village,
        null, null);
  }

  /** Σ of all entries of a village: always zero in a double-entry ledger. */
  public long villageSum(long villageId) {
    return sql.number("select coalesce(sum(amount), 0) from ledger_entries where village_id = ?",
        villageId);
  }
}
