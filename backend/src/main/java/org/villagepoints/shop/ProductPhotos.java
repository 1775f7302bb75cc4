package org.villagepoints.shop;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.PhotoUpload;
import org.villagepoints.common.Sql;

/**
 * One photo per product, set or replaced by the attendant or committee of its village and
 * read by everyone who may see the product list. The photo's SHA-256 is its version: the URL
 * in {@link ProductResponse#photoUrl()} changes with every new photo, so phones may keep it.
 */
@Singleton
public class ProductPhotos {

  /** 2 MB: enough for a sharp product picture; the front end shrinks camera photos first. */
  static final int MAX_BYTES = 2 * PhotoUpload.MB;
  private final Sql sql;
  private final ShopCatalog catalog;
  private final ScopeGuard guard;
  private final AuditService audit;

  ProductPhotos(Sql sql, ShopCatalog catalog, ScopeGuard guard, AuditService audit) {
    this.sql = sql;
    this.catalog = catalog;
    this.guard = guard;
    this.audit = audit;
  }

  /** The versioned URL of a product's photo, or null without one. */
  static String url(long productId, String sha256) {
    return sha256 == null ? null
        : "/api/products/" + productId + "/photo?v=" + PhotoReply.version(sha256);
  }

  /** Sets or replaces the photo; a refused file leaves the old photo in place. */
  @Transactional
  public ProductResponse put(Caller actor, long productId, byte[] bytes) {
    long village = staffVillage(actor, productId);
    PhotoUpload.Photo photo = PhotoUpload.check(bytes, MAX_BYTES);
    sql.update("""
        insert into product_photos (product_id, village_id, content_type, bytes, sha256,
          uploaded_by) values (?, ?, ?, ?, ?, ?)
        on conflict (product_id) do update set content_type = excluded.content_type,
          bytes = excluded.bytes, sha256 = excluded.sha256, uploaded_by = excluded.uploaded_by,
          uploaded_at = now()""", productId, village, photo.contentType(), photo.bytes(),
        photo.sha256(), actor.username());
    audit.recordInVillage(actor, village, "PRODUCT_PHOTO_SET", "product", productId, Map.of(
        "contentType", photo.contentType(), "bytes", bytes.length, "sha256", photo.sha256()));
    return catalog.get(productId);
  }

  /** Removes the photo (the counter shows the placeholder again); no photo is no error. */
  @Transactional
  public ProductResponse remove(Caller actor, long productId) {
    long village = staffVillage(actor, productId);
    if (sql.update("delete from product_photos where product_id = ?", productId) > 0) {
      audit.recordInVillage(actor, village, "PRODUCT_PHOTO_REMOVED", "product", productId,
          Map.of());
    }
    return catalog.get(productId);
  }

  @Transactional
  public PhotoUpload.Photo read(Caller actor, long productId) {
    guard.requireVillage(actor, catalog.villageOf(productId), true);
    return sql.one("select content_type, bytes, sha256 from product_photos where product_id = ?",
            rs -> new PhotoUpload.Photo(rs.getString(1), rs.getBytes(2), rs.getString(3)),
            productId)
        .orElseThrow(() -> ApiException.notFound("PHOTO_NOT_FOUND", "这件商品还没有照片"));
  }

  private long staffVillage(Caller actor, long productId) {
    long village = catalog.villageOf(productId);
    guard.requireVillage(actor, village, false);
    return village;
  }
}
