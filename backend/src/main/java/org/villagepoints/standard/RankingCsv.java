package org.villagepoints.standard;

import java.nio.charset.StandardCharsets;

/** The ranked table as CSV in UTF-8 with a BOM (so Excel shows the Chinese headers). */
final class RankingCsv {

  static byte[] write(RankingResponse r) {
    StringBuilder b = new StringBuilder("\uFEFF");
    b.append("名次,村,镇,自查得分,自查满分,参与率,干净人家率,户均积分,巡检扣分,"
        + "自查归一,参与归一,干净归一,户均归一,巡检归一,总分\r\n");
    for (RankingResponse.Row x : r.rows()) {
      b.append(x.rank()).append(',').append(cell(x.villageName())).append(',')
          .append(cell(x.townName())).append(',')
          .append(x.selfCheckScore() == null ? "" : x.selfCheckScore()).append(',')
          .append(x.selfCheckMax() == null ? "" : x.selfCheckMax()).append(',')
          .append(x.participationRate()).append(',')
          .append(x.cleanHouseholdRate() == null ? "" : x.cleanHouseholdRate()).append(',')
          .append(x.pointsPerHousehold()).append(',')
          .append(x.inspection() == null ? "" : x.inspection()).append(',')
          .append(x.normalised().selfCheck()).append(',')
          .append(x.normalised().participation()).append(',')
          .append(x.normalised().cleanHousehold()).append(',')
          .append(x.normalised().pointsPerHousehold()).append(',')
          .append(x.normalised().inspection()).append(',').append(x.total()).append("\r\n");
    }
    b.append(cell("公式：" + r.formula())).append("\r\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String cell(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private RankingCsv() {}
}
