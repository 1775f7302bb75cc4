package org.villagepoints.shop;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * Writes the stock book. A movement that would take stock below zero is refused by the
 * database's CHECK on products; callers that must report it nicely check first under a lock.
 */
@Singleton
public class StockBook {

  private final Sql sql;
  private final AuditService audit;

  StockBook(Sql sql, AuditService audit) {
    this.sql = sql;
    this.audit = audit;
  }

  /** Inserts one movement and answers the stock after it. */
  @Transactional
  public long move(Caller actor, long villageId, long productId, String kind, long quantity,
      String reason, String sourceType, Long sourceId) {
    return sql.number("""
        insert into stock_movements (village_id, product_id, kind, quantity, reason, source_type,
          source_id, actor_username) values (?, ?, ?, ?, ?, ?, ?, ?) returning stock_after""",
        villageId, productId, kind, quantity, reason, sourceType, sourceId, actor.username());
  }

  @Transactional
  public long donation(Caller actor, long villageId, DonationForm form) {
    for (DonationForm.Line line : form.items()) {
      requireProductInVillage(line.productId(), villageId);
    }
    long id = sql.number("""
        insert into donations (village_id, kind, donor_name, donor_type, occurred_on, value_yuan,
          note, actor_username) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""",
        villageId, form.kind(), form.donorName().trim(), form.donorType(), form.occurredOn(),
        form.valueYuan() == null ? BigDecimal.ZERO : form.valueYuan(), form.note(),
        actor.username());
    String kind = form.kind().equals("DONATION") ? "DONATION_IN" : "PURCHASE_IN";
    for (DonationForm.Line line : form.items()) {
      move(actor, villageId, line.productId(), kind, line.quantity(), form.donorName().trim(),
          "DONATION", id);
    }
    audit.recordInVillage(actor, villageId, "GOODS_RECEIVED", "donation", id,
        Map.of("kind", form.kind(), "donor", form.donorName(), "lines", form.items().size()));
    return id;
  }

  /** Answers how many products changed. */
  @Transactional
  public int stocktake(Caller actor, long villageId, StocktakeForm form) {
    int changed = 0;
    for (StocktakeForm.Count count : form.items()) {
      requireProductInVillage(count.productId(), villageId);
      long stock = sql.number("select stock from products where id = ? for update",
          count.productId());
      if (count.counted() != stock) {
        move(actor, villageId, count.productId(), "STOCKTAKE", count.counted() - stock,
            form.reason().trim(), null, null);
        changed++;
      }
    }
    audit.recordInVillage(actor, villageId, "STOCKTAKE", "village", villageId,
        Map.of("changed", changed, "reason", form.reason()));
    return changed;
  }

  private void requireProductInVillage(long productId, long villageId) {
    if (sql.number("select count(*) from products where id = ? and village_id = ?", productId,
        villageId) == 0) {
      throw ApiException.unprocessable("PRODUCT_NOT_IN_VILLAGE", "商品不属于这个村：" + productId);
    }
  }
}
