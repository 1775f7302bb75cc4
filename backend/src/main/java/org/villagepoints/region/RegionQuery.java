package org.villagepoints.region;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.Sql;

/** Villages and groups as seen from a caller's scope. */
@Singleton
public class RegionQuery {

  private final Sql sql;

  RegionQuery(Sql sql) {
    this.sql = sql;
  }

  @Transactional
  public List<VillageResponse> villages(Caller caller) {
    String where = switch (caller.role()) {
      case DISTRICT_ADMIN -> "v.district_id = ?";
      case TOWN_ADMIN -> "v.town_id = ?";
      default -> "v.id = ?";
    };
    Long key = switch (caller.role()) {
      case DISTRICT_ADMIN -> caller.districtId();
      case TOWN_ADMIN -> caller.townId();
      default -> caller.villageId();
    };
    return sql.list("""
        select v.id, v.name, v.slug, t.id town_id, t.name town_name,
          (select count(*) from households h where h.village_id = v.id and h.status = 'ACTIVE') n
        from villages v join towns t on t.id = v.town_id
        where %s order by t.id, v.id""".formatted(where),
        rs -> new VillageResponse(rs.getLong("id"), rs.getString("name"), rs.getString("slug"),
            rs.getLong("town_id"), rs.getString("town_name"), rs.getLong("n")), key);
  }

  @Transactional
  public List<GroupResponse> groups(long villageId) {
    return sql.list("""
        select g.id, g.name, g.leader_name,
          (select count(*) from households h where h.group_id = g.id and h.status = 'ACTIVE') n
        from household_groups g where g.village_id = ? order by g.position, g.id""",
        rs -> new GroupResponse(rs.getLong("id"), rs.getString("name"),
            rs.getString("leader_name"), rs.getLong("n")), villageId);
  }
}
