package org.villagepoints.web;

import io.micronaut.core.annotation.Nullable;
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
import org.villagepoints.ops.ReplicaStatus;

/**
 * 200 {@code {"status":"UP","primary":"UP","replica":…}} when the service can reach its
 * primary database, else 503 with status DOWN. The read replica is reported but never makes
 * the instance unhealthy: without it reads fall back to the primary and the instance serves
 * everything, so nginx and monitors must keep sending it traffic. {@code replica}:
 * NOT_CONFIGURED, UP, LAGGING (further behind than {@code vp.replica.max-lag-seconds}) or
 * DOWN; {@code replicaLagSeconds} when known.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class HealthController {

  private final Sql sql;
  private final ReplicaStatus replica;

  HealthController(Sql sql, ReplicaStatus replica) {
    this.sql = sql;
    this.replica = replica;
  }

  @Serdeable
  record Health(String status, String primary, String replica,
      @Nullable Double replicaLagSeconds) {}

  @Operation(summary = "Health of the service and its databases (primary, read replica)")
  @Get("/health")
  HttpResponse<Health> health() {
    ReplicaStatus.Snapshot r = replica.current();
    try {
      sql.number("select 1");
      return HttpResponse.ok(new Health("UP", "UP", r.state(), r.lagSeconds()));
    } catch (RuntimeException e) {
      return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(new Health("DOWN", "DOWN", r.state(), r.lagSeconds()));
    }
  }
}
