package org.villagepoints.shop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.common.idempotency.Idempotent;

/** Products, goods received and stocktakes: the attendant and the committee of the village. */
@Tag(name = "shop")
@Controller("/api")
@Secured({Role.Names.VILLAGE_COMMITTEE, Role.Names.SHOP_ATTENDANT})
@ExecuteOn(TaskExecutors.BLOCKING)
class ShopController {

  private final ShopDesk shop;

  ShopController(ShopDesk shop) {
    this.shop = shop;
  }

  @Operation(summary = "Products of a village (lowStock=true: only those at or below threshold)")
  @Get("/villages/{id}/products")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE,
      Role.Names.SHOP_ATTENDANT, Role.Names.GROUP_LEADER, Role.Names.VILLAGER})
  @InScope(village = "id", villagers = true)
  List<ProductResponse> products(long id, @Nullable @QueryValue Boolean lowStock) {
    return shop.products(id, Boolean.TRUE.equals(lowStock));
  }

  @Operation(summary = "Add a product (stock starts at 0; record goods received)")
  @Post("/villages/{id}/products")
  @InScope(village = "id")
  @Idempotent(village = "id")
  HttpResponse<ProductResponse> create(long id, @Body @Valid ProductForm body,
      Authentication auth) {
    return HttpResponse.created(shop.create(Caller.of(auth), id, body));
  }

  @Operation(summary = "Change a product's name, price, category or availability")
  @Put("/products/{id}")
  ProductResponse update(long id, @Body @Valid ProductForm body, Authentication auth) {
    return shop.update(Caller.of(auth), id, body);
  }

  @Operation(summary = "Record a donation or purchase and its goods (stock in)")
  @Post("/villages/{id}/donations")
  @InScope(village = "id")
  @Idempotent(village = "id")
  HttpResponse<DonationResponse> donation(long id, @Body @Valid DonationForm body,
      Authentication auth) {
    return HttpResponse.created(shop.donation(Caller.of(auth), id, body));
  }

  @Operation(summary = "Donations and purchases per donor")
  @Get("/villages/{id}/donations/by-donor")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE,
      Role.Names.SHOP_ATTENDANT})
  @InScope(village = "id")
  List<DonorTotal> byDonor(long id) {
    return shop.donorReport(id);
  }

  @Operation(summary = "Stocktake: counted quantities become STOCKTAKE movements")
  @Post("/villages/{id}/stocktakes")
  @InScope(village = "id")
  @Idempotent(village = "id")
  HttpResponse<StocktakeResponse> stocktake(long id, @Body @Valid StocktakeForm body,
      Authentication auth) {
    return HttpResponse.created(shop.stocktake(Caller.of(auth), id, body));
  }

  @Operation(summary = "The village's rule for card redemptions: PIN or CONFIRM_NAME")
  @Put("/villages/{id}/shop-policy")
  @Secured({Role.Names.VILLAGE_COMMITTEE})
  @InScope(village = "id")
  ShopPolicy setPolicy(long id, @Body @Valid ShopPolicy body, Authentication auth) {
    return shop.setPolicy(Caller.of(auth), id, body);
  }

  @Operation(summary = "The village's rule for card redemptions")
  @Get("/villages/{id}/shop-policy")
  @InScope(village = "id")
  ShopPolicy policy(long id) {
    return shop.policy(id);
  }
}
