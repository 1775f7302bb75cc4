package org.villagepoints.shop;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/** The village's products. Stock is never set here: only stock movements change it. */
@Singleton
public class ShopCatalog {

  static final String SELECT = """
      select p.id, p.village_id, p.name, p.unit, p.category, p.price_points, p.stock, p.active,
        p.low_stock_threshold, f.sha256 photo_sha256
      from products p left join product_photos f on f.product_id = p.id""";
  private final Sql sql;
  private final AuditService audit;

  ShopCatalog(Sql sql, AuditService audit) {
    this.sql = sql;
    this.audit = audit;
  }

  @Transactional
  public List<ProductResponse> list(long villageId, boolean lowStockOnly) {
    return sql.list(SELECT + " where p.village_id = ?"
        + (lowStockOnly ? " and p.active and p.stock <= p.low_stock_threshold" : "")
        + " order by p.active desc, p.category, p.name", ShopCatalog::row, villageId);
  }

  @Transactional
  public ProductResponse get(long productId) {
    return sql.one(SELECT + " where p.id = ?", ShopCatalog::row, productId)
        .orElseThrow(() -> ApiException.notFound("PRODUCT_NOT_FOUND", "找不到这件商品"));
  }

  @Transactional
  public long villageOf(long productId) {
    return get(productId).villageId();
  }

  @Transactional
  public ProductResponse create(Caller actor, long villageId, ProductForm form) {
    requireFreeName(villageId, form.name().trim(), null);
    long id = sql.number("""
        insert into products (village_id, name, unit, category, price_points, active,
          low_stock_threshold) values (?, ?, ?, ?, ?, ?, ?) returning id""",
        villageId, form.name().trim(), orDefault(form.unit(), "件"),
        orDefault(form.category(), "日用品"), form.pricePoints(), form.active() == null
            || form.active(), form.lowStockThreshold() == null ? 5 : form.lowStockThreshold());
    audit.recordInVillage(actor, villageId, "PRODUCT_CREATED", "product", id,
        Map.of("name", form.name(), "pricePoints", form.pricePoints()));
    return get(id);
  }

  @Transactional
  public ProductResponse update(Caller actor, long productId, ProductForm form) {
    ProductResponse before = get(productId);
    requireFreeName(before.villageId(), form.name().trim(), productId);
    sql.update("""
        update products set name = ?, unit = ?, category = ?, price_points = ?, active = ?,
          low_stock_threshold = ? where id = ?""", form.name().trim(),
        orDefault(form.unit(), before.unit()), orDefault(form.category(), before.category()),
        form.pricePoints(), form.active() == null ? before.active() : form.active(),
        form.lowStockThreshold() == null ? before.lowStockThreshold() : form.lowStockThreshold(),
        productId);
    audit.recordInVillage(actor, before.villageId(), "PRODUCT_UPDATED", "product", productId,
        Map.of("pricePoints", form.pricePoints()));
    return get(productId);
  }

  private void requireFreeName(long villageId, String name, Long except) {
    if (sql.number("select count(*) from products where village_id = ? and name = ?"
        + " and id is distinct from ?", villageId, name, except) > 0) {
      throw ApiException.conflict("PRODUCT_NAME_TAKEN", "已有名为“" + name + "”的商品", Map.of());
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  static ProductResponse row(java.sql.ResultSet rs) throws java.sql.SQLException {
    long stock = rs.getLong("stock");
    int threshold = rs.getInt("low_stock_threshold");
    long id = rs.getLong("id");
    return new ProductResponse(id, rs.getLong("village_id"), rs.getString("name"),
        rs.getString("unit"), rs.getString("category"), rs.getLong("price_points"), stock,
        rs.getBoolean("active"), threshold, stock <= threshold,
        ProductPhotos.url(id, rs.getString("photo_sha256")));
  }
}
