package org.villagepoints.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import org.villagepoints.common.Sql;

/** {"status":"UP"} when the service can reach its database, else 503 {"status":"DOWN"}. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class HealthController {

  private final Sql sql;

  HealthController(Sql sql) {
    this.sql = sql;
  }

  @Serdeable
  record Health(String status) {}

  @Operation(summary = "Health of the service and its database")
  @Get("/health")
  HttpResponse<Health> health() {
    try {
      sql.number("select 1");
      return HttpResponse.ok(new Health("UP"));
    } catch (RuntimeException e) {
      return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health("DOWN"));
    }
  }
}
