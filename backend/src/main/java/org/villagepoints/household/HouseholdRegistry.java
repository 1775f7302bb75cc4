package org.villagepoints.household;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import org.villagepoints.common.Sql;

/** Opens households with their members. Idempotent by (village, household code). */
@Singleton
public class HouseholdRegistry {

  private final Sql sql;
  private final List<HouseholdOpened> listeners;

  HouseholdRegistry(Sql sql, List<HouseholdOpened> listeners) {
    this.sql = sql;
    this.listeners = listeners;
  }

  /** Answers the household's id; an existing household with the same code is left as is. */
  @Transactional
  public long open(NewHousehold h) {
    var existing = sql.one("select id from households where village_id = ? and code = ?",
        rs -> rs.getLong(1), h.villageId(), h.code());
    if (existing.isPresent()) {
      return existing.get();
    }
    long id = sql.number("""
        insert into households (village_id, group_id, code, head_name, address, phone)
        values (?, ?, ?, ?, ?, ?) returning id""",
        h.villageId(), h.groupId(), h.code(), h.headName(), h.address(), h.phone());
    insertMembers(id, h.villageId(), h.members());
    for (HouseholdOpened listener : listeners) {
      listener.opened(id, h.villageId());
    }
    return id;
  }

  /** Replaces the member list (members have no history of their own). */
  @Transactional
  public void replaceMembers(long householdId, long villageId, List<NewHousehold.NewMember> members) {
    sql.update("delete from household_members where household_id = ?", householdId);
    insertMembers(householdId, villageId, members);
  }

  private void insertMembers(long householdId, long villageId,
      List<NewHousehold.NewMember> members) {
    int position = 0;
    for (NewHousehold.NewMember m : members) {
      sql.update("""
          insert into household_members (household_id, village_id, name, relation, position)
          values (?, ?, ?, ?, ?)""", householdId, villageId, m.name(), m.relation(), position++);
    }
  }

  /** Features that keep something per household (the ledger's account) hook in here. */
  public interface HouseholdOpened {
    void opened(long householdId, long villageId);
  }
}
