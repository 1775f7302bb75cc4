package org.villagepoints.demo;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.Role;
import org.villagepoints.common.Sql;
import org.villagepoints.inspection.Inspections;
import org.villagepoints.inspection.TaskForm;
import org.villagepoints.inspection.TaskResponse;
import org.villagepoints.inspection.TaskWorkflow;
import org.villagepoints.inspection.Tasks;
import org.villagepoints.inspection.VisitForm;

/**
 * Two visits of the town to each demo village, through the inspection services: a routine
 * visit three months ago whose first finding was fixed and verified and whose second is still
 * open long after its deadline (overdue), and an unannounced visit last month; plus one weak
 * point (短板弱项) and one household plan (一户一策).
 */
@Singleton
class DemoInspections {

  private static final List<String[]> FIXED = List.of(
      new String[] {"SANITATION", "村道两侧柴草乱堆，垃圾未及时清运"},
      new String[] {"FACILITIES", "文化广场健身器材损坏未修"},
      new String[] {"SHOP", "积分超市部分商品未标积分价"});
  private static final List<String[]> OVERDUE = List.of(
      new String[] {"RECORDS", "积分台账未按月装订归档"},
      new String[] {"DISCLOSURE", "积分细则未在村务公开栏张贴"});

  private final Sql sql;
  private final Inspections inspections;
  private final TaskWorkflow workflow;
  private final Tasks tasks;

  DemoInspections(Sql sql, Inspections inspections, TaskWorkflow workflow, Tasks tasks) {
    this.sql = sql;
    this.inspections = inspections;
    this.workflow = workflow;
    this.tasks = tasks;
  }

  void write(long village, Caller committee, Random random) {
    Caller town = sql.one("""
        select u.id, u.username, u.town_id from users u join villages v on v.town_id = u.town_id
        where v.id = ? and u.role = 'TOWN_ADMIN' order by u.id limit 1""",
        rs -> new Caller(rs.getLong(1), rs.getString(2), Role.TOWN_ADMIN, null, rs.getLong(3),
            null, null, null), village).orElseThrow();
    LocalDate today = LocalDate.now(Sql.ZONE);
    String[] fixed = FIXED.get(random.nextInt(FIXED.size()));
    String[] late = OVERDUE.get(random.nextInt(OVERDUE.size()));
    List<TaskResponse> found = inspections.record(town, village, new VisitForm("ROUTINE",
        YearMonth.now(Sql.ZONE).minusMonths(3).atDay(12), "例行巡检：村容村貌、积分台账、积分超市",
        null, List.of(finding(fixed[0], "MEDIUM", fixed[1]), finding(late[0], "LOW", late[1]))),
        today).findings().stream().map(f -> f.task()).toList();
    workflow.done(committee, found.get(0).id(), "已整改，照片存档", today);
    workflow.verify(town, found.get(0).id(), "回访查看，整改到位", today);
    inspections.record(town, village, new VisitForm("UNANNOUNCED",
        YearMonth.now(Sql.ZONE).minusMonths(1).atDay(20), "暗访：积分超市开放情况", null,
        List.of(finding("SHOP", "LOW", "积分超市未按公示时间开门"))), today);
    tasks.create(committee, village, new TaskForm("WEAK_POINT", "年轻人参与积分评议的少",
        "在外务工人员可线上申报", null, "村党支部书记", null, null), today);
    long household = sql.number("select min(id) from households where village_id = ?"
        + " and status = 'ACTIVE'", village);
    tasks.create(committee, village, new TaskForm("HOUSEHOLD_PLAN", "改厕和庭院整治帮扶",
        "网格员每月上门一次", household, "网格员", null, null), today);
  }

  private static VisitForm.Finding finding(String category, String severity, String text) {
    return new VisitForm.Finding(category, severity, text, null, null, null);
  }
}
