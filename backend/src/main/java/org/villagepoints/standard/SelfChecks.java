package org.villagepoints.standard;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.PhotoUpload;
import org.villagepoints.common.Sql;
import org.villagepoints.dashboard.VillageFigures;

/**
 * A village's yearly self-check: opened (one per village and year), answered item by item
 * with notes and photos, submitted for the town's review. While it is a draft (or returned)
 * its copies of the items follow the checklist; once submitted they never change.
 */
@Singleton
public class SelfChecks {

  static final int MAX_PHOTOS = 3;
  private final Sql sql;
  private final ScopeGuard guard;
  private final Suggestions suggestions;
  private final AuditService audit;

  SelfChecks(Sql sql, ScopeGuard guard, Suggestions suggestions, AuditService audit) {
    this.sql = sql;
    this.guard = guard;
    this.suggestions = suggestions;
    this.audit = audit;
  }

  @Transactional
  public SelfCheckResponse open(Caller actor, long villageId, int year) {
    if (year < 2000 || year > 2100) {
      throw ApiException.badRequest("BAD_YEAR", "年份超出范围");
    }
    sql.update("insert into self_checks (village_id, year) values (?, ?)"
        + " on conflict (village_id, year) do nothing", villageId, year);
    long id = sql.number("select id from self_checks where village_id = ? and year = ?",
        villageId, year);
    follow(id);
    return get(actor, id);
  }

  @Transactional
  public SelfCheckResponse get(Caller actor, long id) {
    Header h = header(actor, id);
    VillageFigures figures = suggestions.yearFigures(h.villageId, h.year);
    List<SelfCheckResponse.Answer> answers = sql.list("""
        select a.*, coalesce((select array_agg(p.id order by p.id) from self_check_photos p
          where p.answer_id = a.id), '{}') photos
        from self_check_answers a where a.self_check_id = ? order by a.kind desc, a.position,
          a.id""", rs -> answer(rs, h, figures), id);
    int max = answers.stream().mapToInt(SelfCheckResponse.Answer::weight).sum();
    return new SelfCheckResponse(id, h.villageId, h.villageName, h.year, h.status, h.score, max,
        SelfCheckResponse.FORMULA, h.submittedBy, h.submittedAt, h.reviewedBy, h.reviewedAt,
        h.reviewNote, answers);
  }

  @Transactional
  public SelfCheckResponse answer(Caller actor, long id, long answerId, AnswerForm form) {
    editable(actor, id);
    int n = sql.update("update self_check_answers set met = ?, note = ? where id = ?"
        + " and self_check_id = ?", form.met(), form.note() == null ? "" : form.note().trim(),
        answerId, id);
    if (n == 0) {
      throw ApiException.notFound("ANSWER_NOT_FOUND", "自查表里没有这一项");
    }
    return get(actor, id);
  }

  @Transactional
  public long addPhoto(Caller actor, long id, long answerId, byte[] bytes) {
    editable(actor, id);
    String type = PhotoUpload.check(bytes, 5 * PhotoUpload.MB).contentType();
    if (sql.number("select count(*) from self_check_answers where id = ? and self_check_id = ?",
        answerId, id) == 0) {
      throw ApiException.notFound("ANSWER_NOT_FOUND", "自查表里没有这一项");
    }
    if (sql.number("select count(*) from self_check_photos where answer_id = ?", answerId)
        >= MAX_PHOTOS) {
      throw ApiException.unprocessable("TOO_MANY_PHOTOS", "每一项最多 " + MAX_PHOTOS + " 张照片");
    }
    return sql.number("insert into self_check_photos (answer_id, content_type, bytes)"
        + " values (?, ?, ?) returning id", answerId, type, bytes);
  }

  /** [content type, bytes] of an evidence photo the caller may see. */
  @Transactional
  public Object[] photo(Caller actor, long photoId) {
    Object[] p = sql.one("""
        select c.village_id, p.content_type, p.bytes from self_check_photos p
        join self_check_answers a on a.id = p.answer_id
        join self_checks c on c.id = a.self_check_id where p.id = ?""",
        rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBytes(3)}, photoId)
        .orElseThrow(() -> ApiException.notFound("PHOTO_NOT_FOUND", "找不到这张照片"));
    guard.requireVillage(actor, (Long) p[0], false);
    return new Object[] {p[1], p[2]};
  }

  @Transactional
  public SelfCheckResponse submit(Caller actor, long id) {
    editable(actor, id);
    follow(id);
    List<String> open = sql.list("select title from self_check_answers where self_check_id = ?"
        + " and met is null order by kind desc, position", rs -> rs.getString(1), id);
    if (!open.isEmpty()) {
      throw new ApiException(io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY, "UNANSWERED",
          "还有 " + open.size() + " 项没有填写：" + String.join("、", open), Map.of("items", open));
    }
    sql.update("update self_checks set status = 'SUBMITTED', submitted_by = ?,"
        + " submitted_at = now() where id = ?", actor.username(), id);
    sql.update("update self_check_answers set town_agrees = null, town_note = ''"
        + " where self_check_id = ?", id);
    audit.recordInVillage(actor, villageOf(id), "SELF_CHECK_SUBMITTED", "self_check", id,
        Map.of());
    return get(actor, id);
  }

  @Transactional
  public List<SelfCheckSummary> list(String where, Object... params) {
    return sql.list("""
        select c.id, c.village_id, v.name village_name, t.name town_name, c.year, c.status,
          c.score, c.max_score, c.submitted_at
        from self_checks c join villages v on v.id = c.village_id join towns t on t.id = v.town_id
        where %s order by c.year desc, t.name, v.name""".formatted(where),
        rs -> new SelfCheckSummary(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getInt(5), rs.getString(6), Sql.nullableLong(rs, "score") == null
                ? null : rs.getInt("score"), Sql.nullableLong(rs, "max_score") == null ? null
                : rs.getInt("max_score"), Sql.time(rs, "submitted_at")), params);
  }

  @Transactional
  public long villageOf(long id) {
    return sql.one("select village_id from self_checks where id = ?", rs -> rs.getLong(1), id)
        .orElseThrow(() -> ApiException.notFound("SELF_CHECK_NOT_FOUND", "找不到这份自查表"));
  }

  /** While not submitted, the copies follow the checklist: new items join, retired ones go. */
  private void follow(long id) {
    if (sql.number("select count(*) from self_checks where id = ? and status in ('DRAFT',"
        + " 'RETURNED')", id) == 0) {
      return;
    }
    sql.update("""
        delete from self_check_photos where answer_id in (select a.id from self_check_answers a
          join standard_items i on i.id = a.item_id where a.self_check_id = ? and not i.active)""",
        id);
    sql.update("delete from self_check_answers a using standard_items i where i.id = a.item_id"
        + " and a.self_check_id = ? and not i.active", id);
    sql.update("""
        update self_check_answers a set kind = i.kind, position = i.position, title = i.title,
          description = i.description, evidence = i.evidence, weight = i.weight, link = i.link,
          threshold = i.threshold
        from standard_items i where i.id = a.item_id and a.self_check_id = ?""", id);
    sql.update("""
        insert into self_check_answers (self_check_id, item_id, kind, position, title,
          description, evidence, weight, link, threshold)
        select c.id, i.id, i.kind, i.position, i.title, i.description, i.evidence, i.weight,
          i.link, i.threshold
        from self_checks c join villages v on v.id = c.village_id
        join standard_items i on i.district_id = v.district_id and i.active
        where c.id = ? on conflict (self_check_id, item_id) do nothing""", id);
  }

  private void editable(Caller actor, long id) {
    String status = sql.one("select status from self_checks where id = ? for update",
        rs -> rs.getString(1), id)
        .orElseThrow(() -> ApiException.notFound("SELF_CHECK_NOT_FOUND", "找不到这份自查表"));
    guard.requireVillage(actor, villageOf(id), false);
    if (!status.equals("DRAFT") && !status.equals("RETURNED")) {
      throw ApiException.conflict("SELF_CHECK_LOCKED", "自查表已提交，不能再修改", Map.of());
    }
  }

  private record Header(long villageId, String villageName, int year, String status,
      Integer score, String submittedBy, java.time.OffsetDateTime submittedAt,
      String reviewedBy, java.time.OffsetDateTime reviewedAt, String reviewNote) {}

  private Header header(Caller actor, long id) {
    Header h = sql.one("""
        select c.*, v.name village_name from self_checks c join villages v on v.id = c.village_id
        where c.id = ?""", rs -> new Header(rs.getLong("village_id"),
            rs.getString("village_name"), rs.getInt("year"), rs.getString("status"),
            Sql.nullableLong(rs, "score") == null ? null : rs.getInt("score"),
            rs.getString("submitted_by"), Sql.time(rs, "submitted_at"),
            rs.getString("reviewed_by"), Sql.time(rs, "reviewed_at"),
            rs.getString("review_note")), id)
        .orElseThrow(() -> ApiException.notFound("SELF_CHECK_NOT_FOUND", "找不到这份自查表"));
    guard.requireVillage(actor, h.villageId, false);
    return h;
  }

  private SelfCheckResponse.Answer answer(ResultSet rs, Header h, VillageFigures figures)
      throws SQLException {
    Boolean met = bool(rs, "met");
    Boolean agrees = bool(rs, "town_agrees");
    String link = rs.getString("link");
    List<Long> photos = new ArrayList<>();
    for (Long p : (Long[]) rs.getArray("photos").getArray()) {
      photos.add(p);
    }
    return new SelfCheckResponse.Answer(rs.getLong("id"), rs.getLong("item_id"),
        rs.getString("kind"), rs.getInt("position"), rs.getString("title"),
        rs.getString("description"), rs.getString("evidence"), rs.getInt("weight"), link,
        rs.getBigDecimal("threshold"), met, rs.getString("note"), agrees,
        rs.getString("town_note"), photos, link == null ? null : suggestions.suggest(link,
            rs.getBigDecimal("threshold"), h.villageId, h.year, figures),
        met == null || agrees == null ? null : Score.counted(met, agrees));
  }

  private static Boolean bool(ResultSet rs, String column) throws SQLException {
    boolean v = rs.getBoolean(column);
    return rs.wasNull() ? null : v;
  }
}
