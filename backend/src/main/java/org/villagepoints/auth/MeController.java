package org.villagepoints.auth;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

@Tag(name = "auth")
@Controller("/api/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MeController {

  private final Profiles profiles;

  MeController(Profiles profiles) {
    this.profiles = profiles;
  }

  @Operation(summary = "The logged-in user: role and the names of the scope")
  @Get
  MeResponse me(Authentication authentication) {
    return profiles.of(Caller.of(authentication).userId());
  }

  @Singleton
  static class Profiles {
    private final Sql sql;

    Profiles(Sql sql) {
      this.sql = sql;
    }

    @Transactional
    public MeResponse of(long userId) {
      return sql.one("""
          select u.username, u.display_name, u.role,
            d.id district_id, d.name district_name, t.id town_id, t.name town_name,
            v.id village_id, v.name village_name, g.id group_id, g.name group_name,
            h.id household_id, h.code household_code, h.head_name household_head
          from users u
            left join households h on h.id = u.household_id
            left join household_groups g on g.id = coalesce(u.group_id, h.group_id)
            left join villages v on v.id = u.village_id
            left join towns t on t.id = coalesce(u.town_id, v.town_id)
            left join districts d on d.id = coalesce(u.district_id, t.district_id)
          where u.id = ?""",
          rs -> new MeResponse(rs.getString("username"), rs.getString("display_name"),
              rs.getString("role"), Sql.nullableLong(rs, "district_id"),
              rs.getString("district_name"), Sql.nullableLong(rs, "town_id"),
              rs.getString("town_name"), Sql.nullableLong(rs, "village_id"),
              rs.getString("village_name"), Sql.nullableLong(rs, "group_id"),
              rs.getString("group_name"), Sql.nullableLong(rs, "household_id"),
              rs.getString("household_code"), rs.getString("household_head")), userId)
          .orElseThrow(() -> ApiException.notFound("USER_NOT_FOUND", "找不到该用户"));
    }
  }
}
