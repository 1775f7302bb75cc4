package org.villagepoints.roster;

import java.util.List;
import java.util.Map;

/** The roster (花名册) columns: Chinese headers as in the template, English keys accepted too. */
final class RosterColumns {

  static final String CODE = "户编号";
  static final String HEAD = "户主姓名";
  static final String GROUP = "组";
  static final String ADDRESS = "门牌地址";
  static final String PHONE = "联系电话";
  static final String MEMBERS = "家庭成员";
  static final String LOW_INCOME = "低保户";
  static final String OPENING = "期初积分";

  static final List<String> ALL = List.of(CODE, HEAD, GROUP, ADDRESS, PHONE, MEMBERS,
      LOW_INCOME, OPENING);
  static final List<String> REQUIRED = List.of(CODE, HEAD, GROUP);

  static final Map<String, String> ALIASES = Map.of(
      "code", CODE, "headname", HEAD, "group", GROUP, "address", ADDRESS, "phone", PHONE,
      "members", MEMBERS, "lowincome", LOW_INCOME, "openingbalance", OPENING);

  static final List<String> EXAMPLE = List.of("H001", "王建国", "第1组", "立新村第1组 1 号",
      "13800000000", "王建国(户主)、李秀兰(配偶)、王小明(子女)", "否", "0");

  /** Relation words villagers write, to the register's codes. */
  static final Map<String, String> RELATIONS = Map.ofEntries(
      Map.entry("户主", "HEAD"), Map.entry("本人", "HEAD"), Map.entry("配偶", "SPOUSE"),
      Map.entry("妻子", "SPOUSE"), Map.entry("丈夫", "SPOUSE"), Map.entry("子女", "CHILD"),
      Map.entry("儿子", "CHILD"), Map.entry("女儿", "CHILD"), Map.entry("儿媳", "CHILD_IN_LAW"),
      Map.entry("女婿", "CHILD_IN_LAW"), Map.entry("父母", "PARENT"), Map.entry("父亲", "PARENT"),
      Map.entry("母亲", "PARENT"), Map.entry("孙子女", "GRANDCHILD"), Map.entry("孙子", "GRANDCHILD"),
      Map.entry("孙女", "GRANDCHILD"), Map.entry("兄弟姐妹", "SIBLING"), Map.entry("其他", "OTHER"));

  static String canonical(String header) {
    String h = header == null ? "" : header.replace("\uFEFF", "").trim();
    return ALIASES.getOrDefault(h.toLowerCase().replace("_", ""), h);
  }

  private RosterColumns() {}
}
