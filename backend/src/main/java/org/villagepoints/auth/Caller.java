package org.villagepoints.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import java.util.HashMap;
import java.util.Map;

/**
 * Who is calling and where they may act. Built from the signed token's claims, so no
 * database read is needed to know a caller's scope. Exactly the ids that the role's scope
 * needs are set (the users table enforces the same rule with a CHECK).
 */
public record Caller(
    long userId,
    String username,
    Role role,
    @Nullable Long districtId,
    @Nullable Long townId,
    @Nullable Long villageId,
    @Nullable Long groupId,
    @Nullable Long householdId) {

  /** The actor recorded for work done by the system itself (jobs, demo loading). */
  public static final Caller SYSTEM =
      new Caller(0, "system", Role.DISTRICT_ADMIN, null, null, null, null, null);

  static final String USER_ID = "uid";
  static final String ROLE = "role";

  public static Caller of(Authentication authentication) {
    Map<String, Object> a = authentication.getAttributes();
    return new Caller(
        number(a.get(USER_ID)),
        authentication.getName(),
        Role.valueOf((String) a.get(ROLE)),
        optional(a.get("district")),
        optional(a.get("town")),
        optional(a.get("village")),
        optional(a.get("group")),
        optional(a.get("household")));
  }

  static Caller of(User user) {
    return new Caller(user.id(), user.username(), Role.valueOf(user.role()), user.districtId(),
        user.townId(), user.villageId(), user.groupId(), user.householdId());
  }

  /** The claims that {@link #of(Authentication)} reads back. */
  Map<String, Object> claims() {
    Map<String, Object> claims = new HashMap<>();
    claims.put(USER_ID, userId);
    claims.put(ROLE, role.name());
    putIfSet(claims, "district", districtId);
    putIfSet(claims, "town", townId);
    putIfSet(claims, "village", villageId);
    putIfSet(claims, "group", groupId);
    putIfSet(claims, "household", householdId);
    return claims;
  }

  private static void putIfSet(Map<String, Object> claims, String name, Long value) {
    if (value != null) {
      claims.put(name, value);
    }
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private static Long optional(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }
}
