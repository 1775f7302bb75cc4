package org.villagepoints.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.common.Paging;
import org.villagepoints.common.idempotency.Idempotent;

@Tag(name = "ledger")
@Controller("/api")
@Secured({Role.Names.VILLAGE_COMMITTEE})
@ExecuteOn(TaskExecutors.BLOCKING)
class LedgerController {

  private final LedgerService ledger;

  LedgerController(LedgerService ledger) {
    this.ledger = ledger;
  }

  @Operation(summary = "Passbook of a household, newest first; from/to are dates (YYYY-MM-DD)")
  @Get("/households/{id}/entries")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE,
      Role.Names.GROUP_LEADER, Role.Names.SHOP_ATTENDANT, Role.Names.VILLAGER})
  @InScope(household = "id")
  Passbook entries(long id, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
      @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to) {
    return ledger.passbook(id, Paging.of(page, size), from, to);
  }

  @Operation(summary = "Manual adjustment of a household's points (negative allowed); audited")
  @Post("/households/{id}/adjustments")
  @InScope(household = "id")
  @Idempotent(household = "id")
  HttpResponse<AdjustmentResponse> adjust(long id, @Body @Valid AdjustmentRequest body,
      @Nullable @Header("Idempotency-Key") String idempotencyKey, Authentication auth) {
    return HttpResponse.created(ledger.adjust(Caller.of(auth), id, body));
  }

  @Operation(summary = "Reverse a transfer once (mirror transfer); needs Idempotency-Key")
  @Post("/transfers/{id}/reverse")
  @Idempotent(transfer = "id", required = true)
  HttpResponse<PostedTransfer> reverse(long id, @Body @Valid ReverseRequest body,
      @Nullable @Header("Idempotency-Key") String idempotencyKey, Authentication auth) {
    return HttpResponse.created(ledger.reverse(Caller.of(auth), id, body.reason()));
  }

  @Operation(summary = "Recompute balances and hash chains of the district or one village")
  @Get("/ledger/verify")
  @Secured({Role.Names.DISTRICT_ADMIN})
  VerifyReport verify(@Nullable @QueryValue Long villageId, Authentication auth) {
    return ledger.verify(Caller.of(auth), villageId);
  }

  @Operation(summary = "A village's points expiry policy")
  @Get("/villages/{id}/ledger-policy")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
  @InScope(village = "id")
  ExpiryPolicy policy(long id) {
    return ledger.policy(id);
  }

  @Operation(summary = "Set the points expiry policy (NONE, or YEARLY with month-day)")
  @Put("/villages/{id}/ledger-policy")
  @InScope(village = "id")
  ExpiryPolicy setPolicy(long id, @Body @Valid ExpiryPolicy body, Authentication auth) {
    return ledger.setPolicy(Caller.of(auth), id, body);
  }
}
