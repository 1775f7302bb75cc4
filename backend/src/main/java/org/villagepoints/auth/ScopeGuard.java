package org.villagepoints.auth;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * The one place that decides whether a caller's scope covers a village or a household. Used
 * through {@link InScope} on controller methods and directly by services for list queries.
 * District staff cover their district, town staff their town, village staff their village, a
 * group leader the households of the group, a villager only the own household.
 */
@Singleton
public class ScopeGuard {

  private final Sql sql;
  /**
   * A village never changes town or district and a household never changes village (no code
   * updates those columns; rows are archived, never deleted), so both are cached per instance:
   * another instance's writes cannot make an entry stale.
   */
  private final Map<Long, VillagePlace> places = new ConcurrentHashMap<>();
  /** Nor does a household change village (its group may change, so that is read each time). */
  private final Map<Long, Long> householdVillages = new ConcurrentHashMap<>();

  ScopeGuard(Sql sql) {
    this.sql = sql;
  }

  record VillagePlace(long villageId, long townId, long districtId) {}

  record HouseholdPlace(long householdId, long villageId, long groupId) {}

  /** Throws 404 for an unknown village, 403 when the caller's scope does not cover it. */
  public void requireVillage(Caller caller, long villageId, boolean villagersAllowed) {
    VillagePlace place = village(villageId);
    boolean allowed = switch (caller.role()) {
      case DISTRICT_ADMIN -> same(caller.districtId(), place.districtId());
      case TOWN_ADMIN -> same(caller.townId(), place.townId());
      case VILLAGE_COMMITTEE, SHOP_ATTENDANT, GROUP_LEADER -> same(caller.villageId(), villageId);
      case VILLAGER -> villagersAllowed && same(caller.villageId(), villageId);
    };
    if (!allowed) {
      throw ApiException.forbidden();
    }
  }

  /** Throws 404 for an unknown household, 403 when the caller's scope does not cover it. */
  public void requireHousehold(Caller caller, long householdId) {
    boolean allowed = switch (caller.role()) {
      case VILLAGER -> same(caller.householdId(), householdId) || missing(householdId);
      case GROUP_LEADER -> {
        HouseholdPlace place = household(householdId);
        yield same(caller.villageId(), place.villageId())
            && same(caller.groupId(), place.groupId());
      }
      default -> {
        requireVillage(caller, villageOf(householdId), false);
        yield true;
      }
    };
    if (!allowed) {
      throw ApiException.forbidden();
    }
  }

  /** A district is covered by its own staff, and read by the towns and villages in it. */
  public void requireDistrict(Caller caller, long districtId) {
    Long own = caller.districtId();
    if (own == null && caller.townId() != null) {
      own = sql.one("select district_id from towns where id = ?", rs -> rs.getLong(1),
          caller.townId()).orElse(null);
    }
    if (own == null && caller.villageId() != null) {
      own = village(caller.villageId()).districtId();
    }
    if (!same(own, districtId)) {
      throw ApiException.forbidden();
    }
  }

  /** A town is covered by its own staff and by its district's staff (404 if unknown). */
  public void requireTown(Caller caller, long townId) {
    long district = sql.one("select district_id from towns where id = ?", rs -> rs.getLong(1),
        townId).orElseThrow(() -> ApiException.notFound("TOWN_NOT_FOUND", "找不到这个镇"));
    boolean allowed = switch (caller.role()) {
      case DISTRICT_ADMIN -> same(caller.districtId(), district);
      case TOWN_ADMIN -> same(caller.townId(), townId);
      default -> false;
    };
    if (!allowed) {
      throw ApiException.forbidden();
    }
  }

  /** Throws 404 for an unknown group, 403 when the caller's scope does not cover it. */
  public void requireGroup(Caller caller, long groupId) {
    long village = sql.one("select village_id from household_groups where id = ?",
            rs -> rs.getLong(1), groupId)
        .orElseThrow(() -> ApiException.notFound("GROUP_NOT_FOUND", "找不到这个组"));
    requireVillage(caller, village, false);
    if (caller.role() == Role.GROUP_LEADER && !same(caller.groupId(), groupId)) {
      throw ApiException.forbidden();
    }
  }

  /** Answers the village of a household the caller may act on (checks scope first). */
  public long villageOfHousehold(Caller caller, long householdId) {
    requireHousehold(caller, householdId);
    return villageOf(householdId);
  }

  /** The village of a household (cached); 404 for an unknown household. */
  public long villageOf(long householdId) {
    Long cached = householdVillages.get(householdId);
    if (cached != null) {
      return cached;
    }
    long village = household(householdId).villageId();
    householdVillages.put(householdId, village);
    return village;
  }

  /** A villager asking for another household must not learn whether it exists. */
  private boolean missing(long householdId) {
    villageOf(householdId);
    return false;
  }

  private static boolean same(Long scopeId, long id) {
    return scopeId != null && scopeId == id;
  }

  VillagePlace village(long villageId) {
    VillagePlace cached = places.get(villageId);
    if (cached != null) {
      return cached;
    }
    VillagePlace place = sql.one("select id, town_id, district_id from villages where id = ?",
            rs -> new VillagePlace(rs.getLong(1), rs.getLong(2), rs.getLong(3)), villageId)
        .orElseThrow(() -> ApiException.notFound("VILLAGE_NOT_FOUND", "找不到这个村"));
    places.put(villageId, place);
    return place;
  }

  HouseholdPlace household(long householdId) {
    return sql.one("select id, village_id, group_id from households where id = ?",
            rs -> new HouseholdPlace(rs.getLong(1), rs.getLong(2), rs.getLong(3)), householdId)
        .orElseThrow(() -> ApiException.notFound("HOUSEHOLD_NOT_FOUND", "找不到这一户"));
  }
}
