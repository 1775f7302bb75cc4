package org.villagepoints.shop;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.Sql;

/** Facade for the shop endpoints; checks product scope where the path names a product. */
@Singleton
class ShopDesk {

  private final ShopCatalog catalog;
  private final StockBook stock;
  private final DonationList donations;
  private final ScopeGuard guard;
  private final Sql sql;
  private final AuditService audit;

  ShopDesk(ShopCatalog catalog, StockBook stock, DonationList donations, ScopeGuard guard,
      Sql sql, AuditService audit) {
    this.catalog = catalog;
    this.stock = stock;
    this.donations = donations;
    this.guard = guard;
    this.sql = sql;
    this.audit = audit;
  }

  List<ProductResponse> products(long villageId, boolean lowStock) {
    return catalog.list(villageId, lowStock);
  }

  ProductResponse create(Caller caller, long villageId, ProductForm form) {
    return catalog.create(caller, villageId, form);
  }

  ProductResponse update(Caller caller, long productId, ProductForm form) {
    guard.requireVillage(caller, catalog.villageOf(productId), false);
    return catalog.update(caller, productId, form);
  }

  DonationResponse donation(Caller caller, long villageId, DonationForm form) {
    return new DonationResponse(stock.donation(caller, villageId, form));
  }

  List<DonorTotal> donorReport(long villageId) {
    return donations.donorReport(villageId);
  }

  StocktakeResponse stocktake(Caller caller, long villageId, StocktakeForm form) {
    return new StocktakeResponse(stock.stocktake(caller, villageId, form));
  }

  @Transactional
  public ShopPolicy setPolicy(Caller caller, long villageId, ShopPolicy policy) {
    sql.update("""
        insert into shop_policies (village_id, card_factor) values (?, ?)
        on conflict (village_id) do update set card_factor = excluded.card_factor""",
        villageId, policy.cardFactor());
    audit.recordInVillage(caller, villageId, "SHOP_POLICY_SET", "village", villageId,
        Map.of("cardFactor", policy.cardFactor()));
    return policy;
  }

  @Transactional
  public ShopPolicy policy(long villageId) {
    return new ShopPolicy(sql.one("select card_factor from shop_policies where village_id = ?",
        rs -> rs.getString(1), villageId).orElse("PIN"));
  }
}
