package org.villagepoints.award;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/** The public notice board (公示栏): no login, head names masked (张*明). */
@Singleton
public class NoticeBoard {

  private final AwardQuery batches;
  private final Sql sql;

  NoticeBoard(AwardQuery batches, Sql sql) {
    this.batches = batches;
    this.sql = sql;
  }

  @Serdeable
  public record Notice(long id, String villageName, String title, LocalDate meetingDate,
      String status, @Nullable OffsetDateTime noticeStartsAt, @Nullable OffsetDateTime noticeEndsAt,
      List<Line> items) {}

  @Serdeable
  public record Line(String name, String groupName, String category, String rule, long points,
      String status) {}

  @Transactional
  public List<Notice> list(long villageId) {
    String village = sql.one("select name from villages where id = ?", rs -> rs.getString(1),
        villageId).orElseThrow(() -> ApiException.notFound("VILLAGE_NOT_FOUND", "找不到这个村"));
    return sql.list("""
        select id from award_batches where village_id = ? and status in ('NOTICE', 'POSTED')
        order by (status = 'NOTICE') desc, notice_starts_at desc limit 24""",
        rs -> rs.getLong(1), villageId).stream().map(batches::get)
        .map(b -> new Notice(b.id(), village, b.title(), b.meetingDate(), b.status(),
            b.noticeStartsAt(), b.noticeEndsAt(), b.items().stream()
                .filter(i -> !"DROPPED".equals(i.status()))
                .map(i -> new Line(mask(i.headName()), i.groupName(), i.category(), i.ruleName(),
                    i.postedPoints() != null ? i.postedPoints() : i.points(), i.status()))
                .toList()))
        .toList();
  }

  /** Keeps the first and (for 3+ characters) the last character: 张三 → 张*, 张三明 → 张*明. */
  static String mask(String name) {
    int n = name.codePointCount(0, name.length());
    if (n <= 1) {
      return name;
    }
    String first = name.substring(0, name.offsetByCodePoints(0, 1));
    if (n == 2) {
      return first + "*";
    }
    String last = name.substring(name.offsetByCodePoints(0, n - 1));
    return first + "*".repeat(n - 2) + last;
  }
}
