package org.villagepoints.standard;

import java.math.BigDecimal;
import java.util.List;

/**
 * Example 九有六无 items for the demo district. They are labelled “示例：” because the
 * official wording is the district's to enter.
 */
final class ExampleChecklist {

  private static ItemForm you(int n, String title, String evidence, int weight, String link,
      Integer threshold) {
    return new ItemForm("YOU", n, "示例：" + title, "示例条目，正式内容请以区里文件为准。",
        evidence, weight, link, threshold == null ? null : BigDecimal.valueOf(threshold));
  }

  private static ItemForm wu(int n, String title, String evidence) {
    return new ItemForm("WU", n, "示例：" + title, "示例条目：全年没有发生即为守住。", evidence, 5,
        null, null);
  }

  static final List<ItemForm> ITEMS = List.of(
      you(1, "有积分评议小组", "小组名单、分工照片", 5, null, null),
      you(2, "有积分细则并公示", "细则文本、公示栏照片", 5, null, null),
      you(3, "有每月评议并张榜公示", "每月公示照片", 10, "NOTICE_EVERY_MONTH", null),
      you(4, "有八成以上农户参与积分", "平台参与率", 10, "PARTICIPATION_RATE", 80),
      you(5, "有九成以上干净人家", "评比记录", 10, "CLEAN_HOUSEHOLD_RATE", 90),
      you(6, "有户均积分 20 分以上", "平台户均积分", 5, "POINTS_PER_HOUSEHOLD", 20),
      you(7, "有爱心积分超市", "超市照片、台账", 5, null, null),
      you(8, "有志愿服务队", "队员名单、活动照片", 5, null, null),
      you(9, "有积分台账和档案", "台账照片", 5, null, null),
      wu(1, "无乱堆乱放", "村容照片"),
      wu(2, "无私搭乱建", "村容照片"),
      wu(3, "无封建迷信活动", "村委说明"),
      wu(4, "无大操大办", "红白理事会记录"),
      wu(5, "无赌博等违法行为", "派出所证明或村委说明"),
      wu(6, "无越级上访", "信访记录"));

  private ExampleChecklist() {}
}
