package org.villagepoints.household;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.Role;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.PageResponse;
import org.villagepoints.common.Paging;
import org.villagepoints.common.Sql;

/** Reads households. Scope has been checked by {@code @InScope} before these run. */
@Singleton
public class HouseholdQuery {

  private final Sql sql;

  HouseholdQuery(Sql sql) {
    this.sql = sql;
  }

  /** A group leader sees only the own group, whatever groupId asks for. */
  @Transactional
  public PageResponse<HouseholdSummary> list(Caller caller, long villageId, Long groupId, String q,
      Paging paging) {
    Long group = caller.role() == Role.GROUP_LEADER ? caller.groupId() : groupId;
    StringBuilder where = new StringBuilder("h.village_id = ? and h.status = 'ACTIVE'");
    List<Object> params = new ArrayList<>(List.of(villageId));
    if (group != null) {
      where.append(" and h.group_id = ?");
      params.add(group);
    }
    if (q != null && !q.isBlank()) {
      if (q.length() > 50) {
        throw ApiException.badRequest("BAD_QUERY", "搜索内容太长（最多 50 个字）");
      }
      where.append(" and (h.head_name like ? or h.code ilike ?)");
      String like = "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
          + "%";
      params.add(like);
      params.add(like);
    }
    long total = sql.number("select count(*) from households h where " + where, params.toArray());
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(paging.offset());
    pageParams.add(paging.size());
    List<HouseholdSummary> items = sql.list("""
        select h.id, h.code, h.head_name, g.id group_id, g.name group_name, h.status,
          (select count(*) from household_members m where m.household_id = h.id) members,
          coalesce(a.balance, 0) balance, (select r.stars from ratings r join rating_rounds o on o.id = r.round_id where r.household_id = h.id order by o.period_end desc, r.rated_at desc limit 1) stars
        from households h join household_groups g on g.id = h.group_id
          left join ledger_accounts a on a.household_id = h.id
        where %s order by g.position, g.id, h.code offset ? limit ?""".formatted(where),
        rs -> new HouseholdSummary(rs.getLong("id"), rs.getString("code"),
            rs.getString("head_name"), rs.getLong("group_id"), rs.getString("group_name"),
            rs.getInt("members"), rs.getString("status"), rs.getLong("balance"),
            (Integer) rs.getObject("stars")),
        pageParams.toArray());
    return new PageResponse<>(items, paging.page(), paging.size(), total);
  }

  /** 13812345678 → 138****5678: enough to recognise, not enough to call. */
  public static String mask(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    if (digits.length() < 7) {
      return "****";
    }
    return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }

  @Transactional
  public HouseholdResponse get(Caller caller, long householdId) {
    boolean committee = caller.role() == Role.VILLAGE_COMMITTEE;
    List<HouseholdResponse.Member> members = sql.list(
        "select name, relation from household_members where household_id = ? order by position, id",
        rs -> new HouseholdResponse.Member(rs.getString(1), rs.getString(2)), householdId);
    return sql.one("""
        select h.id, h.code, h.head_name, h.address, v.id village_id, v.name village_name,
          g.id group_id, g.name group_name, h.status, coalesce(a.balance, 0) balance,
          h.phone, h.low_income, h.note, (select r.stars from ratings r join rating_rounds o on o.id = r.round_id where r.household_id = h.id order by o.period_end desc, r.rated_at desc limit 1) stars
        from households h join villages v on v.id = h.village_id
          join household_groups g on g.id = h.group_id
          left join ledger_accounts a on a.household_id = h.id where h.id = ?""",
        rs -> new HouseholdResponse(rs.getLong("id"), rs.getString("code"),
            rs.getString("head_name"), rs.getString("address"), rs.getLong("village_id"),
            rs.getString("village_name"), rs.getLong("group_id"), rs.getString("group_name"),
            rs.getString("status"), rs.getLong("balance"), (Integer) rs.getObject("stars"),
            committee ? rs.getString("phone") : mask(rs.getString("phone")),
            committee ? rs.getBoolean("low_income") : null,
            committee ? rs.getString("note") : null, members), householdId)
        .orElseThrow(() -> ApiException.notFound("HOUSEHOLD_NOT_FOUND", "找不到这一户"));
  }
}
