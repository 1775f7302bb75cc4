package org.villagepoints.demo;

import java.util.List;

/**
 * The demo district. 江源区 and its towns and three villages are named in the district's
 * 2023 work plan; every other name here is fictional and says so (示例).
 */
final class DemoPlaces {

  record Village(String name, String slug, int groups) {}

  record Town(String name, String adminUsername, List<Village> villages) {}

  static final String DISTRICT = "江源区";

  static final List<Town> TOWNS = List.of(
      new Town("正岔街道", "zhengcha", List.of(
          new Village("立新村", "lixin", 4), new Village("松林示例村", "songlin", 3))),
      new Town("城墙街道", "chengqiang", List.of(
          new Village("爱林村", "ailin", 4), new Village("河东示例村", "hedong", 3))),
      new Town("石人镇", "shiren", List.of(
          new Village("老岭村", "laoling", 5), new Village("山前示例村", "shanqian", 3))),
      new Town("示例镇", "shilizhen", List.of(
          new Village("桃园示例村", "taoyuan", 3), new Village("杏林示例村", "xinglin", 4),
          new Village("柳岸示例村", "liuan", 3))));

  static final List<String> SURNAMES = List.of(
      "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡",
      "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "于", "董", "曹");

  static final List<String> GIVEN = List.of(
      "建国", "秀兰", "桂芝", "玉珍", "志强", "春梅", "德福", "淑芬", "国庆", "凤英", "长海",
      "丽华", "永胜", "翠花", "宝山", "海燕", "振华", "金凤", "立军", "红梅", "文斌", "淑珍",
      "树林", "秀英", "明亮", "桂兰", "占山", "玉兰", "忠诚", "晓东", "雪梅", "连生", "春生",
      "慧敏", "铁柱", "秋菊", "大勇", "小燕", "福林", "彩霞");

  private DemoPlaces() {}
}
