package org.villagepoints.household;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.UserAdmin;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/** The committee's register: groups and households. Households are archived, never deleted. */
@Singleton
public class HouseholdRegister {

  private final Sql sql;
  private final HouseholdRegistry registry;
  private final UserAdmin users;
  private final AuditService audit;
  private final SecureRandom random = new SecureRandom();

  HouseholdRegister(Sql sql, HouseholdRegistry registry, UserAdmin users, AuditService audit) {
    this.sql = sql;
    this.registry = registry;
    this.users = users;
    this.audit = audit;
  }

  @Transactional
  public long createGroup(Caller actor, long villageId, GroupForm form) {
    requireFreeGroupName(villageId, form.name().trim(), null);
    long id = sql.number("""
        insert into household_groups (village_id, name, leader_name, position)
        values (?, ?, ?, (select coalesce(max(position), 0) + 1 from household_groups
          where village_id = ?)) returning id""",
        villageId, form.name().trim(), blankToNull(form.leaderName()), villageId);
    audit.recordInVillage(actor, villageId, "GROUP_CREATED", "group", id, Map.of("name", form.name()));
    return id;
  }

  @Transactional
  public void updateGroup(Caller actor, long groupId, GroupForm form) {
    long villageId = sql.number("select village_id from household_groups where id = ?", groupId);
    requireFreeGroupName(villageId, form.name().trim(), groupId);
    sql.update("update household_groups set name = ?, leader_name = ? where id = ?",
        form.name().trim(), blankToNull(form.leaderName()), groupId);
    audit.recordInVillage(actor, villageId, "GROUP_UPDATED", "group", groupId,
        Map.of("name", form.name()));
  }

  @Transactional
  public long create(Caller actor, long villageId, HouseholdForm form) {
    if (form.code() == null) {
      throw ApiException.badRequest("VALIDATION_FAILED", "填写有误：code 不能为空");
    }
    String code = form.code().toUpperCase();
    requireGroupInVillage(form.groupId(), villageId);
    if (sql.number("select count(*) from households where village_id = ? and code = ?",
        villageId, code) > 0) {
      throw ApiException.conflict("HOUSEHOLD_CODE_TAKEN", "户编号 " + code + " 已被使用", Map.of());
    }
    long id = registry.open(new NewHousehold(villageId, form.groupId(), code,
        form.headName().trim(), blankToNull(form.address()), blankToNull(form.phone()),
        members(form)));
    sql.update("update households set low_income = ?, note = ? where id = ?",
        Boolean.TRUE.equals(form.lowIncome()), blankToNull(form.note()), id);
    audit.recordInVillage(actor, villageId, "HOUSEHOLD_CREATED", "household", id,
        Map.of("code", code));
    return id;
  }

  @Transactional
  public void update(Caller actor, long householdId, HouseholdForm form) {
    long villageId = villageOf(householdId);
    requireGroupInVillage(form.groupId(), villageId);
    sql.update("""
        update households set head_name = ?, group_id = ?, address = ?, phone = ?,
          low_income = ?, note = ? where id = ?""",
        form.headName().trim(), form.groupId(), blankToNull(form.address()),
        blankToNull(form.phone()), Boolean.TRUE.equals(form.lowIncome()),
        blankToNull(form.note()), householdId);
    if (form.members() != null) {
      registry.replaceMembers(householdId, villageId, members(form));
    }
    audit.recordInVillage(actor, villageId, "HOUSEHOLD_UPDATED", "household", householdId,
        Map.of());
  }

  @Transactional
  public void move(Caller actor, long householdId, long groupId) {
    long villageId = villageOf(householdId);
    requireGroupInVillage(groupId, villageId);
    sql.update("update households set group_id = ? where id = ?", groupId, householdId);
    audit.recordInVillage(actor, villageId, "HOUSEHOLD_MOVED", "household", householdId,
        Map.of("groupId", groupId));
  }

  /** Keeps the passbook; stops the villager login and the card. */
  @Transactional
  public void archive(Caller actor, long householdId) {
    long villageId = villageOf(householdId);
    int changed = sql.update("update households set status = 'ARCHIVED', archived_at = now()"
        + " where id = ? and status = 'ACTIVE'", householdId);
    if (changed == 0) {
      throw ApiException.conflict("ALREADY_ARCHIVED", "这一户已经归档", Map.of());
    }
    sql.update("update users set enabled = false where household_id = ?", householdId);
    sql.update("update household_cards set status = 'REVOKED', revoked_at = now()"
        + " where household_id = ? and status = 'ACTIVE'", householdId);
    audit.recordInVillage(actor, villageId, "HOUSEHOLD_ARCHIVED", "household", householdId,
        Map.of());
  }

  /** Sets a new random 6-digit PIN for the household's login (created if missing). */
  @Transactional
  public PinResponse resetPin(Caller actor, long householdId) {
    var h = sql.one("""
        select h.village_id, h.code, h.head_name, v.slug, h.status from households h
        join villages v on v.id = h.village_id where h.id = ?""",
        rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5)}, householdId).orElseThrow();
    if (!"ACTIVE".equals(h[4])) {
      throw ApiException.conflict("HOUSEHOLD_ARCHIVED", "这一户已归档，不能设置密码", Map.of());
    }
    String pin = String.format("%06d", random.nextInt(1_000_000));
    String username = h[3] + "-" + ((String) h[1]).toLowerCase();
    if (!users.setPassword(username, pin)) {
      users.createHashed(username, users.hash(pin), (String) h[2], Role.VILLAGER,
          UserAdmin.Scope.household((Long) h[0], householdId));
    }
    audit.recordInVillage(actor, (Long) h[0], "PIN_RESET", "household", householdId,
        Map.of("username", username));
    return new PinResponse(username, pin);
  }

  private long villageOf(long householdId) {
    return sql.number("select village_id from households where id = ?", householdId);
  }

  private void requireGroupInVillage(long groupId, long villageId) {
    if (sql.number("select count(*) from household_groups where id = ? and village_id = ?",
        groupId, villageId) == 0) {
      throw ApiException.unprocessable("GROUP_NOT_IN_VILLAGE", "所选的组不属于这个村");
    }
  }

  private void requireFreeGroupName(long villageId, String name, Long except) {
    if (sql.number("select count(*) from household_groups where village_id = ? and name = ?"
        + " and id is distinct from ?", villageId, name, except) > 0) {
      throw ApiException.conflict("GROUP_NAME_TAKEN", "本村已有名为“" + name + "”的组", Map.of());
    }
  }

  private static List<NewHousehold.NewMember> members(HouseholdForm form) {
    if (form.members() == null || form.members().isEmpty()) {
      return List.of(new NewHousehold.NewMember(form.headName().trim(), "HEAD"));
    }
    return form.members().stream()
        .map(m -> new NewHousehold.NewMember(m.name().trim(), m.relation())).toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
