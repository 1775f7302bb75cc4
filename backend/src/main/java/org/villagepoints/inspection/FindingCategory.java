package org.villagepoints.inspection;

import java.util.List;

/**
 * The fixed list of finding categories. The screens show them in Chinese and English (i18n
 * files); these Chinese names are for messages and exports.
 */
public final class FindingCategory {

  public static final String PATTERN = "SANITATION|FACILITIES|RECORDS|DISCLOSURE|SHOP|OTHER";

  /** Codes in display order with their Chinese names. */
  public static final List<String[]> ALL = List.of(
      new String[] {"SANITATION", "环境卫生"}, new String[] {"FACILITIES", "设施"},
      new String[] {"RECORDS", "台账"}, new String[] {"DISCLOSURE", "制度公示"},
      new String[] {"SHOP", "积分超市"}, new String[] {"OTHER", "其他"});

  private FindingCategory() {}
}
