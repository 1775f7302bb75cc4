package org.villagepoints.auth;

/** The six roles. Each user has exactly one, with one scope (see {@link Caller}). */
public enum Role {
  DISTRICT_ADMIN,
  TOWN_ADMIN,
  VILLAGE_COMMITTEE,
  GROUP_LEADER,
  SHOP_ATTENDANT,
  VILLAGER;

  /** Role names as compile-time constants for {@code @Secured}. */
  public static final class Names {
    public static final String DISTRICT_ADMIN = "DISTRICT_ADMIN";
    public static final String TOWN_ADMIN = "TOWN_ADMIN";
    public static final String VILLAGE_COMMITTEE = "VILLAGE_COMMITTEE";
    public static final String GROUP_LEADER = "GROUP_LEADER";
    public static final String SHOP_ATTENDANT = "SHOP_ATTENDANT";
    public static final String VILLAGER = "VILLAGER";

    private Names() {}
  }
}
