package org.villagepoints.event;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/** Events as the committee's desk shows them: state, codes, attendance and the batch. */
@Singleton
public class EventQuery {

  private static final String SELECT = """
      select e.id, e.title, e.kind, e.rule_id, v.name rule_name, v.points rule_points,
        e.starts_at, e.ends_at, e.check_in_code, e.batch_id, b.status batch_status,
        case when now() < e.starts_at then 'UPCOMING' when now() < e.ends_at then 'OPEN'
          else 'ENDED' end state,
        (select count(*) from event_attendance a where a.event_id = e.id) n
      from events e left join rules r on r.id = e.rule_id
        left join rule_versions v on v.id = r.current_version
        left join award_batches b on b.id = e.batch_id""";
  private final Sql sql;
  private final EventCodes codes;

  EventQuery(Sql sql, EventCodes codes) {
    this.sql = sql;
    this.codes = codes;
  }

  @Transactional
  public EventResponse get(long id) {
    return sql.one(SELECT + " where e.id = ?", this::row, id)
        .orElseThrow(() -> ApiException.notFound("EVENT_NOT_FOUND", "找不到这场活动"));
  }

  /** The village's events, latest start first (at most 200). */
  @Transactional
  public List<EventResponse> forVillage(long villageId) {
    return sql.list(SELECT + " where e.village_id = ? order by e.starts_at desc, e.id desc"
        + " limit 200", this::row, villageId);
  }

  /** Who checked in, in check-in order. */
  @Transactional
  public List<AttendanceResponse> attendance(long eventId) {
    return sql.list("""
        select a.household_id, h.code, h.head_name, g.name group_name, a.checked_in_at
        from event_attendance a join households h on h.id = a.household_id
          join household_groups g on g.id = h.group_id
        where a.event_id = ? order by a.checked_in_at, a.id""",
        rs -> new AttendanceResponse(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), Sql.time(rs, "checked_in_at")), eventId);
  }

  @Transactional
  public long villageOf(long eventId) {
    return sql.one("select village_id from events where id = ?", rs -> rs.getLong(1), eventId)
        .orElseThrow(() -> ApiException.notFound("EVENT_NOT_FOUND", "找不到这场活动"));
  }

  private EventResponse row(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    return new EventResponse(id, rs.getString("title"), rs.getString("kind"),
        Sql.nullableLong(rs, "rule_id"), rs.getString("rule_name"),
        Sql.nullableLong(rs, "rule_points"), Sql.time(rs, "starts_at"),
        Sql.time(rs, "ends_at"), rs.getString("state"), codes.signed(id),
        rs.getString("check_in_code"), rs.getLong("n"), Sql.nullableLong(rs, "batch_id"),
        rs.getString("batch_status"));
  }
}
