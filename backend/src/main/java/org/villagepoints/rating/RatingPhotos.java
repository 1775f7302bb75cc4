package org.villagepoints.rating;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.PhotoUpload;
import org.villagepoints.common.Sql;

/**
 * One photo per household rating (e.g. the yard before rectification). A new upload replaces
 * the old one; the photo may be added after the round closed (the follow-up visit), and it
 * never changes the score or the points.
 */
@Singleton
public class RatingPhotos {

  /** A stored photo and its content type. */
  public record Photo(String contentType, byte[] bytes) {}

  private final Sql sql;
  private final AuditService audit;

  RatingPhotos(Sql sql, AuditService audit) {
    this.sql = sql;
    this.audit = audit;
  }

  @Transactional
  public void attach(Caller actor, long roundId, long householdId, byte[] bytes) {
    String type = PhotoUpload.check(bytes, 5 * PhotoUpload.MB).contentType();
    long[] rating = sql.one("select id, village_id from ratings where round_id = ?"
        + " and household_id = ?", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, roundId,
        householdId).orElseThrow(() -> ApiException.notFound("RATING_NOT_FOUND",
            "这一户在本轮还没有评分：请先评分，再添加照片"));
    sql.update("""
        insert into rating_photos (rating_id, village_id, content_type, bytes, uploaded_by)
        values (?, ?, ?, ?, ?) on conflict (rating_id) do update set
          content_type = excluded.content_type, bytes = excluded.bytes,
          uploaded_by = excluded.uploaded_by, uploaded_at = now()""", rating[0], rating[1],
        type, bytes, actor.username());
    audit.recordInVillage(actor, rating[1], "RATING_PHOTO_ADDED", "rating", rating[0],
        Map.of("householdId", householdId, "bytes", bytes.length));
  }

  @Transactional
  public Photo photo(long roundId, long householdId) {
    return sql.one("""
        select p.content_type, p.bytes from rating_photos p join ratings r on r.id = p.rating_id
        where r.round_id = ? and r.household_id = ?""",
        rs -> new Photo(rs.getString(1), rs.getBytes(2)), roundId, householdId)
        .orElseThrow(() -> ApiException.notFound("PHOTO_NOT_FOUND", "这一户本轮评分没有照片"));
  }
}
