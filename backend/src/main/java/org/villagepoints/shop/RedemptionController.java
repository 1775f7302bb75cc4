package org.villagepoints.shop;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.common.idempotency.Idempotent;

@Tag(name = "shop")
@Controller("/api")
@Secured({Role.Names.SHOP_ATTENDANT, Role.Names.VILLAGE_COMMITTEE})
@ExecuteOn(TaskExecutors.BLOCKING)
class RedemptionController {

  private final RedemptionCounter counter;

  RedemptionController(RedemptionCounter counter) {
    this.counter = counter;
  }

  @Operation(summary = "A phone redemption code for the household: signed, ~60 s, single use")
  @Post("/households/{id}/qr-tokens")
  @Secured({Role.Names.VILLAGER, Role.Names.VILLAGE_COMMITTEE})
  @InScope(household = "id")
  HttpResponse<QrTokenResponse> token(long id) {
    return HttpResponse.created(counter.token(id));
  }

  @Operation(summary = "Redeem points for goods (phone code, or card + PIN); Idempotency-Key"
      + " required")
  @Post("/redemptions")
  @Idempotent(callerVillage = true, required = true)
  HttpResponse<RedemptionResponse> redeem(@Body @Valid RedeemRequest body,
      HttpRequest<?> request, Authentication auth) {
    return HttpResponse.created(counter.redeem(Caller.of(auth), body, request));
  }

  @Operation(summary = "Refund a redemption once: points and stock come back (attendant: same"
      + " day)")
  @Post("/redemptions/{id}/refund")
  @Idempotent(callerVillage = true)
  HttpResponse<RedemptionResponse> refund(long id, @Body @Valid RefundRequest body,
      Authentication auth) {
    return HttpResponse.created(counter.refund(Caller.of(auth), id, body.reason()));
  }

  @Operation(summary = "A redemption as a receipt")
  @Get("/redemptions/{id}")
  RedemptionResponse receipt(long id, Authentication auth) {
    return counter.receipt(Caller.of(auth), id);
  }
}
