package org.villagepoints.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.common.PageResponse;
import org.villagepoints.common.Paging;

@Tag(name = "households")
@Controller("/api")
@Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE,
    Role.Names.GROUP_LEADER, Role.Names.SHOP_ATTENDANT, Role.Names.VILLAGER})
@ExecuteOn(TaskExecutors.BLOCKING)
class HouseholdController {

  private final HouseholdQuery households;

  HouseholdController(HouseholdQuery households) {
    this.households = households;
  }

  @Operation(summary = "Households of a village: filter by group, search name or code, paged")
  @Get("/villages/{id}/households")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE,
      Role.Names.GROUP_LEADER, Role.Names.SHOP_ATTENDANT})
  @InScope(village = "id")
  PageResponse<HouseholdSummary> list(long id, @Nullable @QueryValue Long groupId,
      @Nullable @QueryValue String q, @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size, Authentication authentication) {
    return households.list(Caller.of(authentication), id, groupId, q, Paging.of(page, size));
  }

  @Operation(summary = "One household with its members")
  @Get("/households/{id}")
  @InScope(household = "id")
  HouseholdResponse get(long id, Authentication authentication) {
    return households.get(Caller.of(authentication), id);
  }
}
