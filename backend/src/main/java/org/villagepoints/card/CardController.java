package org.villagepoints.card;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
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
import org.villagepoints.common.idempotency.Idempotent;

@Tag(name = "cards")
@Controller("/api")
@Secured({Role.Names.VILLAGE_COMMITTEE})
@ExecuteOn(TaskExecutors.BLOCKING)
class CardController {

  private final CardPrinting cards;

  CardController(CardPrinting cards) {
    this.cards = cards;
  }

  @Operation(summary = "A4 PDF of the village's household cards, 8 a page (optionally one group)")
  @Get(value = "/villages/{id}/cards.pdf", produces = "application/pdf")
  @InScope(village = "id")
  HttpResponse<byte[]> sheet(long id, @Nullable @QueryValue Long groupId) {
    return HttpResponse.ok(cards.sheet(id, groupId))
        .header("Content-Disposition", "inline; filename=\"cards-" + id + ".pdf\"");
  }

  @Operation(summary = "One household's card as a 300 dpi PNG")
  @Get(value = "/households/{id}/card.png", produces = MediaType.IMAGE_PNG)
  @Secured({Role.Names.VILLAGE_COMMITTEE, Role.Names.VILLAGER})
  @InScope(household = "id")
  byte[] png(long id) {
    return cards.png(id);
  }

  @Operation(summary = "Revoke the household's card and issue a new serial")
  @Post("/households/{id}/card/reissue")
  @InScope(household = "id")
  @Idempotent(household = "id")
  HttpResponse<Card> reissue(long id, Authentication auth) {
    return HttpResponse.created(cards.reissue(Caller.of(auth), id));
  }

  @Operation(summary = "Revoke the household's card (lost or stolen)")
  @Post("/households/{id}/card/revoke")
  @InScope(household = "id")
  HttpResponse<Void> revoke(long id, Authentication auth) {
    cards.revoke(Caller.of(auth), id);
    return HttpResponse.noContent();
  }

  @Operation(summary = "Resolve a scanned card payload to its household (staff in scope)")
  @Get("/cards/{payload}")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE,
      Role.Names.SHOP_ATTENDANT})
  CardHolder resolve(String payload, Authentication auth) {
    return cards.resolve(Caller.of(auth), payload);
  }
}
