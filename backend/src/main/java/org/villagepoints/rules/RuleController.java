package org.villagepoints.rules;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.ApiException;

@Tag(name = "rules")
@Controller("/api")
@Secured({Role.Names.VILLAGE_COMMITTEE})
@ExecuteOn(TaskExecutors.BLOCKING)
class RuleController {

  private final RuleCatalog rules;
  private final ScopeGuard guard;

  RuleController(RuleCatalog rules, ScopeGuard guard) {
    this.rules = rules;
    this.guard = guard;
  }

  @Operation(summary = "The village's rule catalogue (积分细则)")
  @Get("/villages/{id}/rules")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE,
      Role.Names.GROUP_LEADER, Role.Names.SHOP_ATTENDANT, Role.Names.VILLAGER})
  @InScope(village = "id", villagers = true)
  List<RuleResponse> villageRules(long id) {
    return rules.forVillage(id);
  }

  @Operation(summary = "Add a rule of the village's own")
  @Post("/villages/{id}/rules")
  @InScope(village = "id")
  HttpResponse<RuleResponse> create(long id, @Body @Valid RuleForm body, Authentication auth) {
    return HttpResponse.created(rules.createVillageRule(Caller.of(auth), id, body));
  }

  @Operation(summary = "Adopt the district template's rules the village does not have yet")
  @Post("/villages/{id}/rules/adopt")
  @InScope(village = "id")
  List<RuleResponse> adopt(long id, Authentication auth) {
    rules.adopt(Caller.of(auth), id);
    return rules.forVillage(id);
  }

  @Operation(summary = "Change a rule (a new version; history keeps the old one)")
  @Put("/rules/{id}")
  @Secured({Role.Names.VILLAGE_COMMITTEE, Role.Names.DISTRICT_ADMIN})
  RuleResponse update(long id, @Body @Valid RuleForm body, Authentication auth) {
    Caller caller = Caller.of(auth);
    Long[] owner = rules.owner(id);
    if (owner[1] == null ? caller.role() != Role.DISTRICT_ADMIN
        || !owner[0].equals(caller.districtId()) : caller.role() != Role.VILLAGE_COMMITTEE) {
      throw ApiException.forbidden();
    }
    if (owner[1] != null) {
      guard.requireVillage(caller, owner[1], false);
    }
    return rules.update(caller, id, body);
  }

  @Operation(summary = "The district's rule template")
  @Get("/districts/{id}/rule-template")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
  List<RuleResponse> template(long id, Authentication auth) {
    guard.requireDistrict(Caller.of(auth), id);
    return rules.template(id);
  }

  @Operation(summary = "Add a rule to the district's template")
  @Post("/districts/{id}/rule-template")
  @Secured({Role.Names.DISTRICT_ADMIN})
  HttpResponse<RuleResponse> addTemplateRule(long id, @Body @Valid RuleForm body,
      Authentication auth) {
    guard.requireDistrict(Caller.of(auth), id);
    return HttpResponse.created(rules.createTemplateRule(Caller.of(auth), id, body));
  }
}
