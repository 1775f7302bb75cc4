package org.villagepoints.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A round's ranked table: each input, its normalised value (0–1) and the weighted total.
 * {@code inspection} in a row is the village's inspection penalty points (see the formula).
 */
@Serdeable
public record RankingResponse(Round round, String formula, boolean inspectionAvailable,
    List<Row> rows) {

  @Serdeable
  public record Round(long id, String name, String fromMonth, String toMonth, int year,
      RoundForm.Weights weights, @Nullable Long championVillageId,
      @Nullable String championVillageName, List<Long> villageIds) {}

  @Serdeable
  public record Row(int rank, long villageId, String villageName, String townName,
      @Nullable Integer selfCheckScore, @Nullable Integer selfCheckMax,
      double participationRate, @Nullable Double cleanHouseholdRate,
      double pointsPerHousehold, @Nullable Double inspection, Normalised normalised,
      double total) {}

  @Serdeable
  public record Normalised(double selfCheck, double participation, double cleanHousehold,
      double pointsPerHousehold, double inspection) {}

  public static final String FORMULA = "总分 = 100 × (w自查×自查得分率 + w参与×参与率 + w干净×干净人家率"
      + " + w户均×户均积分÷本轮最高户均积分 + w巡检×巡检得分) ÷ (各权重之和)。自查得分率 = 当年镇里审核通过的"
      + "九有六无得分÷满分（未通过记 0）；参与率、干净人家率取本轮期间的平台数据（无评比记 0）；巡检得分 = max(0,"
      + " 1 − 巡检扣分÷10)，巡检扣分 = 本轮期间各次检查发现的问题按轻重计分（一般 1、较重 2、严重 3），整改超期"
      + "（过了期限仍未整改，或过了期限才整改）的加倍；本轮期间没有发现问题记 1。总分相同名次并列，按村编号先后列出。";
}
