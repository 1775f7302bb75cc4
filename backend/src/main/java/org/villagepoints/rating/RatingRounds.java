package org.villagepoints.rating;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.award.AwardBatches;
import org.villagepoints.award.BatchForm;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.rules.RuleCatalog;
import org.villagepoints.rules.RuleForm;
import org.villagepoints.rules.RuleResponse;

/**
 * Clean-home rating rounds. Inspectors rate one household at a time (a re-rating replaces
 * the earlier one while the round is open). Closing the round turns stars into a meeting
 * batch, so rating points take the same notice and posting path as every award.
 */
@Singleton
public class RatingRounds {

  private final Sql sql;
  private final JsonMapper json;
  private final RuleCatalog rules;
  private final AwardBatches batches;
  private final AuditService audit;

  RatingRounds(Sql sql, JsonMapper json, RuleCatalog rules, AwardBatches batches,
      AuditService audit) {
    this.sql = sql;
    this.json = json;
    this.rules = rules;
    this.batches = batches;
    this.audit = audit;
  }

  @Transactional
  public RatingSheet sheet(long villageId) {
    return sql.one("select areas::text, bands::text, star_points::text, flag_below"
        + " from rating_sheets where village_id = ?", rs -> new RatingSheet(
            readList(rs.getString(1), RatingSheet.Area[].class),
            readList(rs.getString(2), RatingSheet.Band[].class),
            readPoints(rs.getString(3)), rs.getInt(4)), villageId)
        .orElse(RatingSheet.DEFAULT);
  }

  @Transactional
  public RatingSheet saveSheet(Caller actor, long villageId, RatingSheet sheet) {
    sql.update("""
        insert into rating_sheets (village_id, areas, bands, star_points, flag_below)
        values (?, ?::jsonb, ?::jsonb, ?::jsonb, ?) on conflict (village_id) do update set
          areas = excluded.areas, bands = excluded.bands, star_points = excluded.star_points,
          flag_below = excluded.flag_below, updated_at = now()""", villageId,
        write(sheet.areas()), write(sheet.bands()), write(sheet.starPoints()), sheet.flagBelow());
    audit.recordInVillage(actor, villageId, "RATING_SHEET_SET", "village", villageId, Map.of());
    return sheet;
  }

  @Transactional
  public long open(Caller actor, long villageId, RoundForm form) {
    if (form.periodStart().isAfter(form.periodEnd())) {
      throw ApiException.badRequest("BAD_PERIOD", "开始日期不能晚于结束日期");
    }
    long id = sql.number("insert into rating_rounds (village_id, name, period_start, period_end,"
        + " created_by) values (?, ?, ?, ?, ?) returning id", villageId, form.name().trim(),
        form.periodStart(), form.periodEnd(), actor.username());
    audit.recordInVillage(actor, villageId, "RATING_ROUND_OPENED", "rating_round", id,
        Map.of("name", form.name()));
    return id;
  }

  @Transactional
  public RatingResponse rate(Caller actor, long roundId, long householdId, RateForm form) {
    long village = openRoundVillage(roundId);
    if (sql.number("select count(*) from households where id = ? and village_id = ?"
        + " and status = 'ACTIVE'", householdId, village) == 0) {
      throw ApiException.unprocessable("HOUSEHOLD_NOT_IN_VILLAGE", "该户不属于本村或已归档");
    }
    RatingSheet sheet = sheet(village);
    int total;
    try {
      total = sheet.total(form.scores());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("SCORE_MISSING", "请给“" + e.getMessage() + "”打分（0–100）");
    }
    int stars = sheet.stars(total);
    boolean flagged = total < sheet.flagBelow();
    LocalDate followUp = !flagged ? null : form.followUpOn() != null ? form.followUpOn()
        : LocalDate.now(Sql.ZONE).plusDays(30);
    sql.update("""
        insert into ratings (round_id, village_id, household_id, scores, total, stars, flagged,
          follow_up_on, note, inspector) values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
        on conflict (round_id, household_id) do update set scores = excluded.scores,
          total = excluded.total, stars = excluded.stars, flagged = excluded.flagged,
          follow_up_on = excluded.follow_up_on, note = excluded.note,
          inspector = excluded.inspector, rated_at = now()""", roundId, village, householdId,
        write(new TreeMap<>(form.scores())), total, stars, flagged, followUp, form.note(),
        actor.username());
    return ratings("r.round_id = ? and r.household_id = ?", roundId, householdId).get(0);
  }

  /** Closes the round into a draft meeting batch of star points (committee approves it). */
  @Transactional
  public long close(Caller actor, long roundId) {
    long village = openRoundVillage(roundId);
    RatingSheet sheet = sheet(village);
    Map<Integer, Long> ruleByStars = new TreeMap<>();
    for (Map.Entry<String, Long> e : sheet.starPoints().entrySet()) {
      ruleByStars.put(Integer.parseInt(e.getKey()), starRule(actor, village,
          Integer.parseInt(e.getKey()), e.getValue()));
    }
    var round = sql.one("select name, period_end from rating_rounds where id = ?",
        rs -> new Object[] {rs.getString(1), rs.getDate(2).toLocalDate()}, roundId).orElseThrow();
    List<BatchForm.Item> items = new ArrayList<>();
    for (RatingResponse r : ratings("r.round_id = ?", roundId)) {
      Long rule = ruleByStars.get(r.stars());
      if (rule != null) {
        items.add(new BatchForm.Item(r.householdId(), rule, round[0] + " " + r.total() + " 分",
            null, ((LocalDate) round[1]).atStartOfDay(Sql.ZONE).toOffsetDateTime(), null));
      }
    }
    if (items.isEmpty()) {
      throw ApiException.conflict("NOTHING_TO_AWARD", "本轮还没有评上星级的户，不能结束", Map.of());
    }
    long batch = batches.create(actor, village, new BatchForm("干净人家评比：" + round[0],
        LocalDate.now(Sql.ZONE), null, items));
    sql.update("update rating_rounds set status = 'CLOSED', batch_id = ? where id = ?", batch,
        roundId);
    sql.update("""
        insert into rating_round_stats (round_id, village_id, period_end, rated, clean, stars)
        select r.id, r.village_id, r.period_end, count(x.id),
          count(x.id) filter (where x.stars >= 1),
          array[count(x.id) filter (where x.stars = 0), count(x.id) filter (where x.stars = 1),
                count(x.id) filter (where x.stars = 2), count(x.id) filter (where x.stars = 3),
                count(x.id) filter (where x.stars = 4),
                count(x.id) filter (where x.stars = 5)]::integer[]
        from rating_rounds r left join ratings x on x.round_id = r.id
        where r.id = ? group by r.id""", roundId);
    return batch;
  }

  @Transactional
  public RoundResponse round(long roundId) {
    var r = sql.one("select village_id, name, period_start, period_end, status, batch_id"
        + " from rating_rounds where id = ?", rs -> new Object[] {rs.getLong(1), rs.getString(2),
            rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), rs.getString(5),
            Sql.nullableLong(rs, "batch_id")}, roundId)
        .orElseThrow(() -> ApiException.notFound("ROUND_NOT_FOUND", "找不到这一轮评比"));
    long households = sql.number("select count(*) from households where village_id = ?"
        + " and status = 'ACTIVE'", r[0]);
    List<RatingResponse> all = ratings("r.round_id = ?", roundId);
    Map<Integer, Long> stars = new TreeMap<>();
    all.forEach(x -> stars.merge(x.stars(), 1L, Long::sum));
    long clean = all.stream().filter(x -> x.stars() >= 1).count();
    BigDecimal rate = households == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(clean).divide(BigDecimal.valueOf(households), 4, RoundingMode.HALF_UP);
    return new RoundResponse(roundId, (String) r[1], (LocalDate) r[2], (LocalDate) r[3],
        (String) r[4], (Long) r[5], households, all.size(), rate, stars,
        all.stream().filter(RatingResponse::flagged).toList());
  }

  @Transactional
  public List<RatingResponse> forHousehold(long householdId) {
    return ratings("r.household_id = ?", householdId);
  }

  @Transactional
  public List<RatingResponse> forRound(long roundId) {
    return ratings("r.round_id = ?", roundId);
  }

  @Transactional
  public long villageOfRound(long roundId) {
    return sql.one("select village_id from rating_rounds where id = ?", rs -> rs.getLong(1),
        roundId).orElseThrow(() -> ApiException.notFound("ROUND_NOT_FOUND", "找不到这一轮评比"));
  }

  private long openRoundVillage(long roundId) {
    var r = sql.one("select village_id, status from rating_rounds where id = ? for update",
        rs -> new Object[] {rs.getLong(1), rs.getString(2)}, roundId)
        .orElseThrow(() -> ApiException.notFound("ROUND_NOT_FOUND", "找不到这一轮评比"));
    if (!"OPEN".equals(r[1])) {
      throw ApiException.conflict("ROUND_CLOSED", "这一轮评比已经结束", Map.of());
    }
    return (Long) r[0];
  }

  /** The village rule for an n-star rating, created or re-versioned to the sheet's points. */
  private long starRule(Caller actor, long village, int stars, long points) {
    String name = "干净人家" + "★".repeat(stars);
    for (RuleResponse r : rules.forVillage(village)) {
      if (r.name().equals(name)) {
        if (r.points() != points || !r.active()) {
          rules.update(actor, r.id(), new RuleForm("人居环境", name, points, "NONE", null, false,
              true));
        }
        return r.id();
      }
    }
    return rules.createVillageRule(actor, village, new RuleForm("人居环境", name, points, "NONE",
        null, false, true)).id();
  }

  private List<RatingResponse> ratings(String where, Object... params) {
    return sql.list("""
        select r.round_id, o.name round_name, r.household_id, h.code, h.head_name,
          g.name group_name, r.scores::text, r.total, r.stars, r.flagged, r.follow_up_on,
          r.note, r.inspector, r.rated_at,
          exists (select 1 from rating_photos p where p.rating_id = r.id) photo
        from ratings r join rating_rounds o on o.id = r.round_id
          join households h on h.id = r.household_id join household_groups g on g.id = h.group_id
        where %s order by o.period_end desc, g.position, h.code""".formatted(where),
        rs -> new RatingResponse(rs.getLong("round_id"), rs.getString("round_name"),
            rs.getLong("household_id"), rs.getString("code"), rs.getString("head_name"),
            rs.getString("group_name"), readScores(rs.getString("scores")), rs.getInt("total"),
            rs.getInt("stars"), rs.getBoolean("flagged"),
            rs.getDate("follow_up_on") == null ? null : rs.getDate("follow_up_on").toLocalDate(),
            rs.getString("note"), rs.getString("inspector"), Sql.time(rs, "rated_at"),
            rs.getBoolean("photo")), params);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Integer> readScores(String text) {
    Map<String, Integer> out = new TreeMap<>();
    read(text, Map.class).forEach((k, v) -> out.put((String) k, ((Number) v).intValue()));
    return out;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Long> readPoints(String text) {
    Map<String, Long> out = new TreeMap<>();
    read(text, Map.class).forEach((k, v) -> out.put((String) k, ((Number) v).longValue()));
    return out;
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> List<T> readList(String text, Class<T[]> type) {
    return List.of(read(text, type));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
