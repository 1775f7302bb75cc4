package org.villagepoints.region;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.villagepoints.common.Sql;

/**
 * Creates districts, towns, villages and groups. Each method finds an existing row by its
 * natural key first, so provisioning scripts and demo seeding can run again safely.
 */
@Singleton
public class RegionAdmin {

  private final Sql sql;

  RegionAdmin(Sql sql) {
    this.sql = sql;
  }

  @Transactional
  public long district(String name) {
    return sql.one("select id from districts where name = ?", rs -> rs.getLong(1), name)
        .orElseGet(() -> sql.number("insert into districts (name) values (?) returning id", name));
  }

  @Transactional
  public long town(long districtId, String name) {
    return sql.one("select id from towns where district_id = ? and name = ?", rs -> rs.getLong(1),
            districtId, name)
        .orElseGet(() -> sql.number(
            "insert into towns (district_id, name) values (?, ?) returning id", districtId, name));
  }

  /** Also opens the village's ledger system accounts (ISSUANCE, SHOP, EXPIRY). */
  @Transactional
  public long village(long townId, String name, String slug) {
    return sql.one("select id from villages where slug = ?", rs -> rs.getLong(1), slug)
        .orElseGet(() -> {
          long id = sql.number("""
              insert into villages (town_id, district_id, name, slug)
              select id, district_id, ?, ? from towns where id = ? returning id""",
              name, slug, townId);
          sql.update("""
              insert into ledger_accounts (village_id, kind)
              select ?, k from unnest(array['ISSUANCE', 'SHOP', 'EXPIRY']) k""", id);
          return id;
        });
  }

  @Transactional
  public long group(long villageId, String name, String leaderName, int position) {
    return sql.one("select id from household_groups where village_id = ? and name = ?",
            rs -> rs.getLong(1), villageId, name)
        .orElseGet(() -> sql.number("""
            insert into household_groups (village_id, name, leader_name, position)
            values (?, ?, ?, ?) returning id""", villageId, name, leaderName, position));
  }
}
