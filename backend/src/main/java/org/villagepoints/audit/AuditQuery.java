package org.villagepoints.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.PageResponse;
import org.villagepoints.common.Paging;

/** Reads the audit log, newest first, limited to one village or to the caller's scope. */
@Singleton
public class AuditQuery {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private final JdbcOperations jdbc;
  private final ScopeGuard guard;

  AuditQuery(JdbcOperations jdbc, ScopeGuard guard) {
    this.jdbc = jdbc;
    this.guard = guard;
  }

  @Transactional
  public PageResponse<AuditEventResponse> list(Caller caller, Long villageId, Paging paging) {
    String where;
    long key;
    if (villageId != null) {
      guard.requireVillage(caller, villageId, false);
      where = "a.village_id = ?";
      key = villageId;
    } else if (caller.townId() != null) {
      where = "a.town_id = ?";
      key = caller.townId();
    } else {
      where = "a.district_id = ?";
      key = caller.districtId();
    }
    long total = jdbc.prepareStatement("select count(*) from audit_events a where " + where, ps -> {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
    List<AuditEventResponse> items = jdbc.prepareStatement("""
        select a.id, a.occurred_at, a.actor_username, a.action, a.target_type, a.target_id,
          a.village_id, v.name, a.details::text
        from audit_events a left join villages v on v.id = a.village_id
        where %s order by a.occurred_at desc, a.id desc offset ? limit ?""".formatted(where),
        ps -> {
          ps.setLong(1, key);
          ps.setLong(2, paging.offset());
          ps.setInt(3, paging.size());
          try (ResultSet rs = ps.executeQuery()) {
            List<AuditEventResponse> list = new ArrayList<>();
            while (rs.next()) {
              list.add(row(rs));
            }
            return list;
          }
        });
    return new PageResponse<>(items, paging.page(), paging.size(), total);
  }

  private static AuditEventResponse row(ResultSet rs) throws SQLException {
    return new AuditEventResponse(rs.getLong(1),
        rs.getTimestamp(2).toInstant().atZone(ZONE).toOffsetDateTime(), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getString(6), (Long) rs.getObject(7),
        rs.getString(8), rs.getString(9));
  }
}
