package org.villagepoints.region;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;

@Tag(name = "regions")
@Controller("/api/villages")
@Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE,
    Role.Names.GROUP_LEADER, Role.Names.SHOP_ATTENDANT, Role.Names.VILLAGER})
@ExecuteOn(TaskExecutors.BLOCKING)
class VillageController {

  private final RegionQuery regions;

  VillageController(RegionQuery regions) {
    this.regions = regions;
  }

  @Operation(summary = "Villages in the caller's scope (a villager: the own village)")
  @Get
  List<VillageResponse> villages(Authentication authentication) {
    return regions.villages(Caller.of(authentication));
  }

  @Operation(summary = "Ten-household groups of a village")
  @Get("/{id}/groups")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE,
      Role.Names.GROUP_LEADER, Role.Names.SHOP_ATTENDANT})
  @InScope(village = "id")
  List<GroupResponse> groups(long id) {
    return regions.groups(id);
  }
}
