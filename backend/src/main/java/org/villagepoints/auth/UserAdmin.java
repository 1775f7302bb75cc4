package org.villagepoints.auth;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/** Creates users. Idempotent by username: an existing user is left unchanged. */
@Singleton
public class UserAdmin {

  private final UserRepository users;
  private final PasswordHasher hasher;

  UserAdmin(UserRepository users, PasswordHasher hasher) {
    this.users = users;
    this.hasher = hasher;
  }

  public record Scope(@Nullable Long districtId, @Nullable Long townId, @Nullable Long villageId,
      @Nullable Long groupId, @Nullable Long householdId) {

    public static Scope district(long id) {
      return new Scope(id, null, null, null, null);
    }

    public static Scope town(long id) {
      return new Scope(null, id, null, null, null);
    }

    public static Scope village(long id) {
      return new Scope(null, null, id, null, null);
    }

    public static Scope group(long villageId, long groupId) {
      return new Scope(null, null, villageId, groupId, null);
    }

    public static Scope household(long villageId, long householdId) {
      return new Scope(null, null, villageId, null, householdId);
    }
  }

  /** Hashes the password; use {@link #createHashed} to reuse one hash for many demo users. */
  @Transactional
  public long create(String username, String password, String displayName, Role role,
      Scope scope) {
    return createHashed(username, hasher.hash(password), displayName, role, scope);
  }

  @Transactional
  public long createHashed(String username, String passwordHash, String displayName, Role role,
      Scope scope) {
    return users.findByUsername(username).map(User::id).orElseGet(() -> users.save(
        new User(null, username, passwordHash, displayName, role.name(), scope.districtId(),
            scope.townId(), scope.villageId(), scope.groupId(), scope.householdId(), true)).id());
  }

  /** Sets a new password (or PIN) and re-enables the user; false when there is no such user. */
  @Transactional
  public boolean setPassword(String username, String password) {
    User user = users.findByUsername(username).orElse(null);
    if (user == null) {
      return false;
    }
    users.update(new User(user.id(), user.username(), hasher.hash(password), user.displayName(),
        user.role(), user.districtId(), user.townId(), user.villageId(), user.groupId(),
        user.householdId(), true));
    return true;
  }

  public String hash(String password) {
    return hasher.hash(password);
  }
}
