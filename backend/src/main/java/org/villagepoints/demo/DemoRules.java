package org.villagepoints.demo;

import java.util.List;
import org.villagepoints.rules.RuleForm;

/** A demo rule template with items typical of published village rules (see domain.md). */
final class DemoRules {

  static final List<RuleForm> TEMPLATE = List.of(
      rule("孝老爱亲", "照顾孤寡老人、困难家庭", 10, "MONTH", 20L, false),
      rule("孝老爱亲", "赡养老人被评为孝老爱亲典型", 15, "YEAR", 15L, false),
      rule("移风易俗", "婚事新办、丧事简办", 15, "NONE", null, false),
      rule("见义勇为", "见义勇为、救人于危难", 20, "NONE", null, false),
      rule("志愿服务", "参加义务劳动、志愿服务（每次）", 5, "MONTH", 20L, false),
      rule("遵纪守法", "参加村民大会、月度例会", 2, "MONTH", 2L, false),
      rule("人居环境", "庭院整洁、柴草堆放整齐", 3, "MONTH", 3L, false),
      rule("荣誉表彰", "家庭成员获县级表彰", 15, "NONE", null, false),
      rule("荣誉表彰", "家庭成员获市级表彰", 20, "NONE", null, false),
      rule("荣誉表彰", "家庭成员获省级表彰", 30, "NONE", null, false),
      rule("人居环境", "焚烧秸秆", -5, "NONE", null, true),
      rule("遵纪守法", "违反公序良俗、村规民约", -20, "NONE", null, true),
      rule("人居环境", "乱堆乱放、私搭乱建，经提醒未整改", -5, "NONE", null, true));

  private static RuleForm rule(String category, String name, long points, String period,
      Long cap, boolean evidence) {
    return new RuleForm(category, name, points, period, cap, evidence, true);
  }

  private DemoRules() {}
}
