package org.villagepoints.export;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.villagepoints.household.HouseholdQuery;

/**
 * 农户花名册: the households on the register during the month (all but those archived before it
 * began; the registration date is when a household entered the system, not when it came to
 * be), by group, with their members
 * (written as the roster import reads them: 王建国(户主)、李秀兰(配偶)), status and balance at the
 * end of the month. Town and district staff get the phone masked and no low-income column, as
 * on every screen.
 */
@Singleton
class HouseholdBook implements Book.OfVillage {

  @Override
  public String key() {
    return "households";
  }

  @Override
  public String title() {
    return "农户花名册";
  }

  @Override
  public List<Column> columns(ExportScope scope) {
    List<Column> columns = new ArrayList<>(List.of(
        Column.text("户编号", 10, "code"),
        Column.text("户主姓名", 10, "head_name"),
        Column.text("组", 10, "group_name"),
        Column.text("门牌地址", 24, "address"),
        scope.committeeFields() ? Column.text("联系电话", 14, "phone")
            : new Column("联系电话", Column.Type.TEXT, 14,
                rs -> HouseholdQuery.mask(rs.getString("phone"))),
        Column.text("家庭成员", 36, "members"),
        Column.integer("人数", 6, "member_count")));
    if (scope.committeeFields()) {
      columns.add(Column.yesNo("低保户", 8, "low_income"));
    }
    columns.addAll(List.of(
        Column.text("状态", 8, "status"),
        Column.day("登记日期", 12, "created_at"),
        Column.day("归档日期", 12, "archived_at"),
        Column.integer("月末积分", 10, "balance")));
    return columns;
  }

  @Override
  public Query query(ExportScope scope) {
    // the balance at the end of the month: today's minus what was recorded since
    return Query.of("""
        select h.code, h.head_name, g.name group_name, h.address, h.phone,
          (select string_agg(m.name || '(' || case m.relation when 'HEAD' then '户主'
              when 'SPOUSE' then '配偶' when 'CHILD' then '子女' when 'CHILD_IN_LAW' then '儿媳/女婿'
              when 'PARENT' then '父母' when 'GRANDCHILD' then '孙子女'
              when 'SIBLING' then '兄弟姐妹' else '其他' end || ')', '、' order by m.position, m.id)
             from household_members m where m.household_id = h.id) members,
          (select count(*) from household_members m where m.household_id = h.id) member_count,
          h.low_income,
          case when h.archived_at < ? then '已归档' else '在册' end status,
          h.created_at, case when h.archived_at < ? then h.archived_at end archived_at,
          a.balance - coalesce((select sum(e.amount) from ledger_entries e
             where e.account_id = a.id and e.recorded_at >= ?), 0) balance
        from households h
        join household_groups g on g.id = h.group_id
        left join ledger_accounts a on a.household_id = h.id
        where h.village_id = ? and (h.archived_at is null or h.archived_at >= ?)
        order by g.position, g.id, h.code""",
        scope.month().end(), scope.month().end(), scope.month().end(), scope.placeId(),
        scope.month().start());
  }
}
