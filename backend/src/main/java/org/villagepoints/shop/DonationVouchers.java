package org.villagepoints.shop;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.PhotoUpload;
import org.villagepoints.common.Sql;

/**
 * Voucher photos (凭证) of donations and purchases: receipts, invoices, donation certificates.
 * Added and removed by the village's shop staff, read by staff in scope. The same file sent
 * twice to one record (a retry) is kept once.
 */
@Singleton
public class DonationVouchers {

  /** 5 MB like application photos: a receipt must stay legible. */
  static final int MAX_BYTES = 5 * PhotoUpload.MB;
  static final int MAX_PER_DONATION = 5;
  private static final String SELECT = """
      select id, donation_id, content_type, octet_length(bytes) size, uploaded_by, uploaded_at
      from donation_vouchers""";
  private final Sql sql;
  private final ScopeGuard guard;
  private final AuditService audit;

  DonationVouchers(Sql sql, ScopeGuard guard, AuditService audit) {
    this.sql = sql;
    this.guard = guard;
    this.audit = audit;
  }

  /** A voucher that was attached now ({@code created}) or already was (the same file). */
  public record Attached(VoucherResponse voucher, boolean created) {}

  @Transactional
  public Attached attach(Caller actor, long donationId, byte[] bytes) {
    long village = sql.one("select village_id from donations where id = ?", rs -> rs.getLong(1),
        donationId).orElseThrow(() -> ApiException.notFound("DONATION_NOT_FOUND", "找不到这笔入库登记"));
    guard.requireVillage(actor, village, false);
    PhotoUpload.Photo photo = PhotoUpload.check(bytes, MAX_BYTES);
    sql.one("select id from donations where id = ? for update", rs -> 1, donationId);
    Optional<VoucherResponse> same = sql.one(SELECT + " where donation_id = ? and sha256 = ?",
        DonationVouchers::row, donationId, photo.sha256());
    if (same.isPresent()) {
      return new Attached(same.get(), false);
    }
    if (sql.number("select count(*) from donation_vouchers where donation_id = ?", donationId)
        >= MAX_PER_DONATION) {
      throw ApiException.unprocessable("TOO_MANY_VOUCHERS",
          "每笔入库最多 " + MAX_PER_DONATION + " 张凭证照片");
    }
    long id = sql.number("""
        insert into donation_vouchers (donation_id, village_id, content_type, bytes, sha256,
          uploaded_by) values (?, ?, ?, ?, ?, ?) returning id""", donationId, village,
        photo.contentType(), photo.bytes(), photo.sha256(), actor.username());
    audit.recordInVillage(actor, village, "DONATION_VOUCHER_ADDED", "donation", donationId,
        Map.of("voucherId", id, "bytes", bytes.length, "sha256", photo.sha256()));
    return new Attached(sql.one(SELECT + " where id = ?", DonationVouchers::row, id)
        .orElseThrow(), true);
  }

  @Transactional
  public void remove(Caller actor, long voucherId) {
    long[] place = locate(actor, voucherId);
    sql.update("delete from donation_vouchers where id = ?", voucherId);
    audit.recordInVillage(actor, place[0], "DONATION_VOUCHER_REMOVED", "donation", place[1],
        Map.of("voucherId", voucherId));
  }

  @Transactional
  public PhotoUpload.Photo read(Caller actor, long voucherId) {
    locate(actor, voucherId);
    return sql.one("select content_type, bytes, sha256 from donation_vouchers where id = ?",
        rs -> new PhotoUpload.Photo(rs.getString(1), rs.getBytes(2), rs.getString(3)),
        voucherId).orElseThrow();
  }

  /** Voucher metadata (no bytes) of a village's records, by donation id, oldest first. */
  @Transactional
  public Map<Long, List<VoucherResponse>> byDonation(long villageId) {
    Map<Long, List<VoucherResponse>> out = new LinkedHashMap<>();
    sql.list(SELECT + " where village_id = ? order by id", DonationVouchers::row, villageId)
        .forEach(v -> out.computeIfAbsent(v.donationId(), k -> new java.util.ArrayList<>())
            .add(v));
    return out;
  }

  /** [villageId, donationId] of a voucher the caller may see; 404 unknown, 403 outside. */
  private long[] locate(Caller actor, long voucherId) {
    long[] place = sql.one("select village_id, donation_id from donation_vouchers where id = ?",
            rs -> new long[] {rs.getLong(1), rs.getLong(2)}, voucherId)
        .orElseThrow(() -> ApiException.notFound("VOUCHER_NOT_FOUND", "找不到这张凭证照片"));
    guard.requireVillage(actor, place[0], false);
    return place;
  }

  private static VoucherResponse row(java.sql.ResultSet rs) throws java.sql.SQLException {
    long id = rs.getLong("id");
    return new VoucherResponse(id, rs.getLong("donation_id"), rs.getString("content_type"),
        rs.getInt("size"), "/api/donation-vouchers/" + id, rs.getString("uploaded_by"),
        Sql.time(rs, "uploaded_at"));
  }
}
