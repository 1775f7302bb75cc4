package org.villagepoints.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.villagepoints.auth.Caller;

/**
 * Records who did what to which object, in which village. Called inside the service
 * transaction that makes the change, so a rolled-back change leaves no audit line and a
 * committed one always has its line.
 */
@Singleton
@Transactional(Transactional.TxType.MANDATORY)
public class AuditService {

  private final JdbcOperations jdbc;
  private final JsonMapper json;

  AuditService(JdbcOperations jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A change within the caller's own scope (login, own settings). */
  public void record(Caller actor, String action, String targetType, Object targetId,
      Map<String, ?> details) {
    insert(actor, action, targetType, targetId, actor.villageId(), details);
  }

  /** A change to something of {@code villageId}. */
  public void recordInVillage(Caller actor, long villageId, String action, String targetType,
      Object targetId, Map<String, ?> details) {
    insert(actor, action, targetType, targetId, villageId, details);
  }

  private void insert(Caller actor, String action, String targetType, Object targetId,
      Long villageId, Map<String, ?> details) {
    String detailsJson;
    try {
      // jsonb cannot hold an escaped NUL; one the request carried (e.g. trailing, trimmed from
      // the stored value) is recorded as U+FFFD rather than failing the whole request.
      detailsJson = json.writeValueAsString(details == null ? Map.of() : details)
          .replace("\\u0000", "\\uFFFD");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    jdbc.prepareStatement("""
        insert into audit_events (actor_user_id, actor_username, action, target_type, target_id,
          village_id, town_id, district_id, details)
        select ?, ?, ?, ?, ?, v.id,
          coalesce(v.town_id, ?), coalesce(v.district_id, ?, t.district_id), ?::jsonb
        from (select 1) one
        left join villages v on v.id = ?
        left join towns t on t.id = ?
        """, ps -> {
          ps.setObject(1, actor.userId() == 0 ? null : actor.userId());
          ps.setString(2, actor.username());
          ps.setString(3, action);
          ps.setString(4, targetType);
          ps.setString(5, targetId == null ? null : targetId.toString());
          ps.setObject(6, actor.townId());
          ps.setObject(7, actor.districtId());
          ps.setString(8, detailsJson);
          ps.setObject(9, villageId);
          ps.setObject(10, actor.townId());
          return ps.executeUpdate();
        });
  }
}
