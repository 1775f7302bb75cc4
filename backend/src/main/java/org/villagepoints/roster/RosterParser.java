package org.villagepoints.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.villagepoints.household.NewHousehold.NewMember;
import org.villagepoints.roster.ImportResult.RowError;

/** Turns cell texts into roster rows, collecting every error with its row and column. */
final class RosterParser {

  static final long MAX_OPENING = 1_000_000;
  final List<RosterRow> rows = new ArrayList<>();
  final List<RowError> errors = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();

  RosterParser(List<List<String>> table) {
    if (table.isEmpty()) {
      errors.add(new RowError(1, "", "文件是空的"));
      return;
    }
    List<String> header = table.get(0);
    for (int c = 0; c < header.size(); c++) {
      index.putIfAbsent(RosterColumns.canonical(header.get(c)), c);
    }
    for (String required : RosterColumns.REQUIRED) {
      if (!index.containsKey(required)) {
        errors.add(new RowError(1, required, "缺少“" + required + "”列，请使用导入模板"));
      }
    }
    if (!errors.isEmpty()) {
      return;
    }
    Set<String> codes = new HashSet<>();
    for (int r = 1; r < table.size(); r++) {
      List<String> cells = table.get(r);
      if (cells.stream().allMatch(s -> s == null || s.isBlank())) {
        continue;
      }
      parse(r + 1, cells, codes);
    }
    if (rows.isEmpty() && errors.isEmpty()) {
      errors.add(new RowError(2, "", "文件里没有数据行"));
    }
  }

  private void parse(int row, List<String> cells, Set<String> codes) {
    int before = errors.size();
    String code = cell(cells, RosterColumns.CODE).toUpperCase();
    if (code.isEmpty()) {
      error(row, RosterColumns.CODE, "户编号不能为空");
    } else if (!code.matches("[A-Z0-9-]{1,20}")) {
      error(row, RosterColumns.CODE, "户编号只能用字母、数字和“-”，最多 20 位");
    } else if (!codes.add(code)) {
      error(row, RosterColumns.CODE, "户编号 " + code + " 在文件里重复");
    }
    String head = cell(cells, RosterColumns.HEAD);
    if (head.isEmpty() || head.length() > 50) {
      error(row, RosterColumns.HEAD, head.isEmpty() ? "户主姓名不能为空" : "户主姓名太长（最多 50 字）");
    }
    String group = cell(cells, RosterColumns.GROUP);
    if (group.isEmpty() || group.length() > 50) {
      error(row, RosterColumns.GROUP, group.isEmpty() ? "组不能为空" : "组名太长（最多 50 字）");
    }
    String address = cell(cells, RosterColumns.ADDRESS);
    if (address.length() > 200) {
      error(row, RosterColumns.ADDRESS, "门牌地址太长（最多 200 字）");
    }
    String phone = cell(cells, RosterColumns.PHONE);
    if (!phone.isEmpty() && !phone.matches("[0-9+ -]{5,20}")) {
      error(row, RosterColumns.PHONE, "联系电话格式不对");
    }
    List<NewMember> members = members(row, cell(cells, RosterColumns.MEMBERS), head);
    String low = cell(cells, RosterColumns.LOW_INCOME);
    if (!low.isEmpty() && !low.matches("是|否|Y|N|y|n|1|0")) {
      error(row, RosterColumns.LOW_INCOME, "低保户请填“是”或“否”");
    }
    long opening = opening(row, cell(cells, RosterColumns.OPENING));
    if (errors.size() == before) {
      rows.add(new RosterRow(row, code, head, group, address.isEmpty() ? null : address,
          phone.isEmpty() ? null : phone, members, low.matches("是|Y|y|1"), opening));
    }
  }

  private List<NewMember> members(int row, String text, String head) {
    List<NewMember> members = new ArrayList<>();
    if (text.isEmpty()) {
      members.add(new NewMember(head, "HEAD"));
      return members;
    }
    for (String part : text.split("[、;；,，]")) {
      String p = part.trim().replace('（', '(').replace('）', ')');
      if (p.isEmpty()) {
        continue;
      }
      int open = p.indexOf('(');
      String name = open < 0 ? p : p.substring(0, open).trim();
      String word = open < 0 ? "其他" : p.substring(open + 1, p.endsWith(")") ? p.length() - 1
          : p.length()).trim();
      String relation = RosterColumns.RELATIONS.get(word);
      if (!name.matches("[\\p{IsHan}A-Za-z0-9·・ ]{1,50}") || relation == null) {
        error(row, RosterColumns.MEMBERS, "无法识别“" + p + "”：请写成 姓名(关系)，关系如 户主、配偶、子女");
        continue;
      }
      members.add(new NewMember(name, relation));
    }
    return members;
  }

  private long opening(int row, String text) {
    if (text.isEmpty()) {
      return 0;
    }
    try {
      long value = Long.parseLong(text.replace(",", "").trim());
      if (value < 0 || value > MAX_OPENING) {
        error(row, RosterColumns.OPENING, "期初积分应在 0 到 " + MAX_OPENING + " 之间");
        return 0;
      }
      return value;
    } catch (NumberFormatException e) {
      error(row, RosterColumns.OPENING, "期初积分应是整数");
      return 0;
    }
  }

  private String cell(List<String> cells, String column) {
    Integer i = index.get(column);
    if (i == null || i >= cells.size() || cells.get(i) == null) {
      return "";
    }
    return cells.get(i).trim();
  }

  private void error(int row, String column, String message) {
    errors.add(new RowError(row, column, message));
  }
}
