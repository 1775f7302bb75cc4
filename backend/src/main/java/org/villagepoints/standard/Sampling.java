package org.villagepoints.standard;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * Sampling acceptance (抽查验收) over the year's demonstration villages, drawn by
 * {@link SampleDraw}; the seed and the sorted candidates are stored so anyone can redraw.
 */
@Singleton
public class Sampling {

  private static final SecureRandom SEEDS = new SecureRandom();
  private final Sql sql;
  private final AuditService audit;

  Sampling(Sql sql, AuditService audit) {
    this.sql = sql;
    this.audit = audit;
  }

  @Transactional
  public List<Long> demonstration(long districtId, int year) {
    return sql.list("select village_id from demonstration_villages where district_id = ?"
        + " and year = ? order by village_id", rs -> rs.getLong(1), districtId, year);
  }

  @Transactional
  public List<Long> setDemonstration(Caller actor, long districtId, int year, List<Long> ids) {
    List<Long> all = sql.list("select id from villages where district_id = ?",
        rs -> rs.getLong(1), districtId);
    if (!new HashSet<>(all).containsAll(ids)) {
      throw ApiException.unprocessable("VILLAGE_NOT_IN_DISTRICT", "所选的村不都在本区");
    }
    sql.update("delete from demonstration_villages where district_id = ? and year = ?",
        districtId, year);
    for (long id : new HashSet<>(ids)) {
      sql.update("insert into demonstration_villages (district_id, year, village_id)"
          + " values (?, ?, ?)", districtId, year, id);
    }
    audit.record(actor, "DEMONSTRATION_SET", "district", districtId, Map.of("year", year));
    return demonstration(districtId, year);
  }

  /** Demo data: the year's demonstration villages, once (kept when a list exists). */
  @Transactional
  public void seedDemonstration(long districtId, int year, List<Long> ids) {
    if (demonstration(districtId, year).isEmpty()) {
      for (long id : ids) {
        sql.update("insert into demonstration_villages (district_id, year, village_id)"
            + " values (?, ?, ?)", districtId, year, id);
      }
    }
  }

  @Transactional
  public long draw(Caller actor, long districtId, SampleForm form) {
    List<Long> candidates = demonstration(districtId, form.year());
    if (candidates.isEmpty()) {
      throw ApiException.unprocessable("NO_CANDIDATES",
          form.year() + " 年还没有示范村名单，请先设定示范村再抽查");
    }
    int percent = form.percent() == null ? 10 : form.percent();
    long seed = form.seed() != null ? form.seed()
        : SEEDS.nextLong(SampleForm.MAX_SEED + 1);
    List<Long> drawn = SampleDraw.draw(seed, candidates,
        SampleDraw.size(candidates.size(), percent));
    long id = sql.number("insert into samples (district_id, year, seed, percent, candidates,"
        + " drawn, created_by) values (?, ?, ?, ?, ?, ?, ?) returning id", districtId,
        form.year(), seed, percent, candidates.toArray(Long[]::new), drawn.toArray(Long[]::new),
        actor.username());
    for (int i = 0; i < drawn.size(); i++) {
      sql.update("insert into sample_results (sample_id, village_id, position) values (?, ?, ?)",
          id, drawn.get(i), i + 1);
    }
    audit.record(actor, "SAMPLE_DRAWN", "sample", id, Map.of("seed", seed));
    return id;
  }

  @Transactional
  public List<SampleResponse> list(long districtId) {
    return sql.list("select id from samples where district_id = ? order by id desc limit 50",
        rs -> rs.getLong(1), districtId).stream().map(id -> get(districtId, id)).toList();
  }

  @Transactional
  public SampleResponse get(long districtId, long id) {
    List<SampleResponse.Result> results = sql.list("""
        select r.*, v.name village_name, t.name town_name from sample_results r
        join villages v on v.id = r.village_id join towns t on t.id = v.town_id
        where r.sample_id = ? order by r.position""", rs -> new SampleResponse.Result(
            rs.getLong("village_id"), rs.getString("village_name"), rs.getString("town_name"),
            rs.getInt("position"), rs.getString("result"), rs.getString("note"),
            rs.getString("recorded_by"), Sql.time(rs, "recorded_at")), id);
    return sql.one("select * from samples where id = ? and district_id = ?",
        rs -> new SampleResponse(id, rs.getInt("year"), rs.getLong("seed"), rs.getInt("percent"),
            ids(rs.getArray("candidates")), ids(rs.getArray("drawn")), SampleResponse.ALGORITHM,
            rs.getString("created_by"), Sql.time(rs, "created_at"), results), id, districtId)
        .orElseThrow(() -> ApiException.notFound("SAMPLE_NOT_FOUND", "找不到这次抽查"));
  }

  /** Recomputes the draw from the recorded seed and candidates and compares. */
  @Transactional
  public SampleResponse.Redraw redraw(long districtId, long id) {
    SampleResponse s = get(districtId, id);
    List<Long> again = SampleDraw.draw(s.seed(), s.candidates(),
        SampleDraw.size(s.candidates().size(), s.percent()));
    return new SampleResponse.Redraw(s.seed(), s.candidates(), s.drawn(), again,
        again.equals(s.drawn()), SampleResponse.ALGORITHM);
  }

  @Transactional
  public SampleResponse record(Caller actor, long districtId, long id, long villageId,
      ResultForm form) {
    get(districtId, id);
    int n = sql.update("update sample_results set result = ?, note = ?, recorded_by = ?,"
        + " recorded_at = now() where sample_id = ? and village_id = ?", form.result(),
        form.note() == null ? "" : form.note().trim(), actor.username(), id, villageId);
    if (n == 0) {
      throw ApiException.unprocessable("VILLAGE_NOT_SAMPLED", "这个村不在本次抽查名单里");
    }
    audit.recordInVillage(actor, villageId, "SAMPLE_RESULT", "sample", id,
        Map.of("result", form.result()));
    return get(districtId, id);
  }

  private static List<Long> ids(java.sql.Array a) throws java.sql.SQLException {
    return Arrays.asList((Long[]) a.getArray());
  }
}
