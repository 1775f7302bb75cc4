package org.villagepoints.export;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.villagepoints.rating.RatingRounds;
import org.villagepoints.rating.RatingSheet;

/**
 * 干净人家评比台账: every household rating of the rounds whose period ends in the month, with
 * a score column per area of the village's current score sheet, total, stars and follow-up.
 */
@Singleton
class RatingBook implements Book.OfVillage {

  private final RatingRounds rounds;

  RatingBook(RatingRounds rounds) {
    this.rounds = rounds;
  }

  @Override
  public String key() {
    return "ratings";
  }

  @Override
  public String title() {
    return "干净人家评比台账";
  }

  private List<RatingSheet.Area> areas(ExportScope scope) {
    // keys are [a-z_]{2,20} by the sheet's validation: safe to name in SQL; checked again here
    return rounds.sheet(scope.placeId()).areas().stream()
        .filter(a -> a.key().matches("[a-z_]{2,20}")).toList();
  }

  @Override
  public List<Column> columns(ExportScope scope) {
    List<Column> columns = new ArrayList<>(List.of(
        Column.text("轮次", 16, "round_name"),
        Column.date("评比开始", 12, "period_start"),
        Column.date("评比结束", 12, "period_end"),
        Column.label("轮次状态", 10, "round_status", Labels.ROUND_STATUSES),
        Column.text("户编号", 10, "code"),
        Column.text("户主姓名", 10, "head_name"),
        Column.text("组", 10, "group_name")));
    for (RatingSheet.Area area : areas(scope)) {
      columns.add(Column.integer(area.name() + "（" + area.weight() + "%）", 10,
          "score_" + area.key()));
    }
    columns.addAll(List.of(
        Column.integer("总分", 8, "total"),
        Column.integer("星级", 6, "stars"),
        Column.yesNo("需整改", 8, "flagged"),
        Column.date("复查日期", 12, "follow_up_on"),
        Column.text("备注", 24, "note"),
        Column.text("评分人", 16, "inspector"),
        Column.time("评分时间", 20, "rated_at")));
    return columns;
  }

  @Override
  public Query query(ExportScope scope) {
    StringBuilder scores = new StringBuilder();
    for (RatingSheet.Area area : areas(scope)) {
      scores.append(", (r.scores ->> '").append(area.key()).append("')::int score_")
          .append(area.key());
    }
    return Query.of("""
        select o.name round_name, o.period_start, o.period_end, o.status round_status, h.code,
          h.head_name, g.name group_name%s, r.total, r.stars, r.flagged, r.follow_up_on,
          r.note, r.inspector, r.rated_at
        from ratings r
        join rating_rounds o on o.id = r.round_id
        join households h on h.id = r.household_id
        join household_groups g on g.id = h.group_id
        where r.village_id = ? and o.period_end >= ? and o.period_end < ?
        order by o.period_end, o.id, g.position, g.id, h.code""".formatted(scores),
        scope.placeId(), scope.month().firstDay(), scope.month().endDay());
  }
}
