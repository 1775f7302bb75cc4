package org.villagepoints.audit;

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
import org.villagepoints.auth.Role;
import org.villagepoints.common.PageResponse;
import org.villagepoints.common.Paging;

@Tag(name = "audit")
@Controller("/api/audit")
@Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

  private final AuditQuery audit;

  AuditController(AuditQuery audit) {
    this.audit = audit;
  }

  @Operation(summary = "Audit log of one village, or of the whole scope, newest first")
  @Get
  PageResponse<AuditEventResponse> list(@Nullable @QueryValue Long villageId,
      @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
      Authentication authentication) {
    return audit.list(Caller.of(authentication), villageId, Paging.of(page, size));
  }
}
