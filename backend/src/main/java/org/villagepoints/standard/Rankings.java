package org.villagepoints.standard;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.dashboard.Figures;
import org.villagepoints.dashboard.Period;
import org.villagepoints.dashboard.VillageFigures;
import org.villagepoints.inspection.InspectionScores;

/**
 * Ranking rounds (擂台赛). Inputs come from the dashboard figures of the round's months and
 * the approved self-check of the round's last year, the inspection figure from the findings of
 * the round's months ({@link InspectionScores}); the formula is {@link RankingResponse#FORMULA}.
 */
@Singleton
public class Rankings {

  private final Sql sql;
  private final Figures figures;
  private final AuditService audit;
  private final InspectionScores inspections;

  Rankings(Sql sql, Figures figures, AuditService audit, InspectionScores inspections) {
    this.sql = sql;
    this.figures = figures;
    this.audit = audit;
    this.inspections = inspections;
  }

  @Transactional
  public long create(Caller actor, long districtId, RoundForm form) {
    Period period = Period.parse(form.fromMonth(), form.toMonth());
    RoundForm.Weights w = form.weights();
    BigDecimal sum = w.selfCheck().add(w.participation()).add(w.cleanHousehold())
        .add(w.pointsPerHousehold()).add(w.inspection());
    if (sum.signum() <= 0 || w.selfCheck().signum() < 0 || w.participation().signum() < 0
        || w.cleanHousehold().signum() < 0 || w.pointsPerHousehold().signum() < 0
        || w.inspection().signum() < 0 || sum.compareTo(BigDecimal.valueOf(10000)) > 0) {
      throw ApiException.badRequest("BAD_WEIGHTS", "权重不能为负数，且至少有一项大于 0");
    }
    List<Long> all = sql.list("select id from villages where district_id = ? order by id",
        rs -> rs.getLong(1), districtId);
    List<Long> chosen = form.villageIds() == null || form.villageIds().isEmpty() ? all
        : new ArrayList<>(new java.util.TreeSet<>(form.villageIds()));
    if (!new HashSet<>(all).containsAll(chosen)) {
      throw ApiException.unprocessable("VILLAGE_NOT_IN_DISTRICT", "所选的村不都在本区");
    }
    if (chosen.isEmpty()) {
      throw ApiException.unprocessable("NO_VILLAGES", "本区还没有村，不能开擂台赛");
    }
    long id = sql.number("""
        insert into ranking_rounds (district_id, name, month_from, month_to, w_self_check,
          w_participation, w_clean, w_points, w_inspection, created_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", districtId, form.name().trim(),
        period.from(), period.to().withDayOfMonth(1), w.selfCheck(), w.participation(), w.cleanHousehold(),
        w.pointsPerHousehold(), w.inspection(), actor.username());
    for (long v : chosen) {
      sql.update("insert into ranking_round_villages (round_id, village_id) values (?, ?)", id, v);
    }
    audit.record(actor, "RANKING_ROUND_CREATED", "ranking_round", id,
        Map.of("name", form.name()));
    return id;
  }

  @Transactional
  public List<RankingResponse.Round> rounds(long districtId) {
    return sql.list("select id from ranking_rounds where district_id = ? order by id desc",
        rs -> rs.getLong(1), districtId).stream().map(this::round).toList();
  }

  /** The round of the district ({@code roundId}), or its latest round when null. */
  @Transactional
  public RankingResponse ranking(long districtId, Long roundId) {
    long id = roundId != null ? roundId : sql.one("select max(id) from ranking_rounds"
        + " where district_id = ?", rs -> Sql.nullableLong(rs, "max"), districtId)
        .orElseThrow(() -> ApiException.notFound("NO_ROUND", "还没有擂台赛，请先新建一轮"));
    if (sql.number("select count(*) from ranking_rounds where id = ? and district_id = ?", id,
        districtId) == 0) {
      throw ApiException.notFound("NO_ROUND", "找不到这一轮擂台赛");
    }
    RankingResponse.Round round = round(id);
    Set<Long> in = new HashSet<>(round.villageIds());
    Period period = Period.parse(round.fromMonth(), round.toMonth());
    List<VillageFigures> fs = figures.villages(Figures.Scope.DISTRICT, districtId, period)
        .stream().filter(f -> in.contains(f.villageId())).toList();
    Map<Long, int[]> scores = new java.util.HashMap<>();
    sql.list("select village_id, score, max_score from self_checks where status = 'APPROVED'"
        + " and year = ? and village_id = any(?)", rs -> scores.put(rs.getLong(1),
            new int[] {rs.getInt(2), rs.getInt(3)}), round.year(),
        round.villageIds().toArray(Long[]::new));
    Map<Long, Long> penalties = inspections.penalties(round.villageIds(), period.from(),
        period.to(), java.time.LocalDate.now(Sql.ZONE));
    double maxPoints = fs.stream().mapToDouble(VillageFigures::pointsPerHousehold).max()
        .orElse(0);
    RoundForm.Weights w = round.weights();
    double wsum = w.selfCheck().add(w.participation()).add(w.cleanHousehold())
        .add(w.pointsPerHousehold()).add(w.inspection()).doubleValue();
    List<RankingResponse.Row> rows = new ArrayList<>();
    for (VillageFigures f : fs) {
      int[] s = scores.get(f.villageId());
      long penalty = penalties.getOrDefault(f.villageId(), 0L);
      RankingResponse.Normalised n = new RankingResponse.Normalised(
          s == null || s[1] == 0 ? 0 : (double) s[0] / s[1], f.participationRate(),
          f.cleanHouseholdRate() == null ? 0 : f.cleanHouseholdRate(),
          maxPoints == 0 ? 0 : f.pointsPerHousehold() / maxPoints,
          InspectionScores.figure(penalty));
      double weighted = w.selfCheck().doubleValue() * n.selfCheck()
          + w.participation().doubleValue() * n.participation()
          + w.cleanHousehold().doubleValue() * n.cleanHousehold()
          + w.pointsPerHousehold().doubleValue() * n.pointsPerHousehold()
          + w.inspection().doubleValue() * n.inspection();
      rows.add(new RankingResponse.Row(0, f.villageId(), f.villageName(), f.townName(),
          s == null ? null : s[0], s == null ? null : s[1], f.participationRate(),
          f.cleanHouseholdRate(), f.pointsPerHousehold(), (double) penalty, n,
          Math.round(weighted * 100 / wsum * 100) / 100.0));
    }
    rows.sort(Comparator.comparingDouble(RankingResponse.Row::total).reversed()
        .thenComparingLong(RankingResponse.Row::villageId));
    List<RankingResponse.Row> ranked = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      RankingResponse.Row r = rows.get(i);
      int rank = i > 0 && r.total() == rows.get(i - 1).total() ? ranked.get(i - 1).rank() : i + 1;
      ranked.add(new RankingResponse.Row(rank, r.villageId(), r.villageName(), r.townName(),
          r.selfCheckScore(), r.selfCheckMax(), r.participationRate(), r.cleanHouseholdRate(),
          r.pointsPerHousehold(), r.inspection(), r.normalised(), r.total()));
    }
    return new RankingResponse(round, RankingResponse.FORMULA, true, ranked);
  }

  @Transactional
  public RankingResponse.Round champion(Caller actor, long districtId, long roundId,
      long villageId) {
    if (sql.number("select count(*) from ranking_rounds where id = ? and district_id = ?",
        roundId, districtId) == 0) {
      throw ApiException.notFound("NO_ROUND", "找不到这一轮擂台赛");
    }
    if (sql.number("select count(*) from ranking_round_villages where round_id = ?"
        + " and village_id = ?", roundId, villageId) == 0) {
      throw ApiException.unprocessable("VILLAGE_NOT_IN_ROUND", "擂主村必须是本轮参赛的村");
    }
    sql.update("update ranking_rounds set champion_village_id = ? where id = ?", villageId,
        roundId);
    audit.recordInVillage(actor, villageId, "RANKING_CHAMPION_SET", "ranking_round", roundId,
        Map.of());
    return round(roundId);
  }

  private RankingResponse.Round round(long id) {
    List<Long> villages = sql.list("select village_id from ranking_round_villages"
        + " where round_id = ? order by village_id", rs -> rs.getLong(1), id);
    return sql.one("""
        select r.*, v.name champion_name from ranking_rounds r
        left join villages v on v.id = r.champion_village_id where r.id = ?""",
        rs -> new RankingResponse.Round(id, rs.getString("name"),
            YearMonth.from(rs.getDate("month_from").toLocalDate()).toString(),
            YearMonth.from(rs.getDate("month_to").toLocalDate()).toString(),
            rs.getDate("month_to").toLocalDate().getYear(),
            new RoundForm.Weights(rs.getBigDecimal("w_self_check"),
                rs.getBigDecimal("w_participation"), rs.getBigDecimal("w_clean"),
                rs.getBigDecimal("w_points"), rs.getBigDecimal("w_inspection")),
            Sql.nullableLong(rs, "champion_village_id"), rs.getString("champion_name"),
            villages), id).orElseThrow();
  }
}
