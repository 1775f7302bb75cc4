package org.villagepoints.shop;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.HouseholdPin;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.card.CardHolder;
import org.villagepoints.card.CardService;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.ledger.Corrections;
import org.villagepoints.ledger.LedgerAccounts;
import org.villagepoints.ledger.LedgerAccounts.SystemAccount;
import org.villagepoints.ledger.LedgerHash;
import org.villagepoints.ledger.PostedTransfer;
import org.villagepoints.ledger.PostingService;
import org.villagepoints.ledger.TransferKind;
import org.villagepoints.ledger.TransferRequest;
import org.villagepoints.ops.OpsMetrics;

/**
 * One redemption is one transaction: identify the household and use its code, read the
 * products, write the redemption and the audit line, then lock the products (id order),
 * check stock and price again, write the lines and stock movements and post household → SHOP
 * (which locks the accounts, always after the products, so redemptions and refunds never
 * deadlock). Any refusal rolls everything back, including the use of the QR code.
 */
@Singleton
public class RedemptionService {

  private final Sql sql;
  private final QrTokens qr;
  private final CardService cards;
  private final HouseholdPin pins;
  private final ScopeGuard guard;
  private final StockBook stock;
  private final PostingService posting;
  private final Corrections corrections;
  private final LedgerAccounts accounts;
  private final RedemptionReceipts receipts;
  private final AuditService audit;
  private final OpsMetrics metrics;

  RedemptionService(Sql sql, QrTokens qr, CardService cards, HouseholdPin pins, ScopeGuard guard,
      StockBook stock, PostingService posting, Corrections corrections, LedgerAccounts accounts,
      RedemptionReceipts receipts, AuditService audit, OpsMetrics metrics) {
    this.sql = sql;
    this.qr = qr;
    this.cards = cards;
    this.pins = pins;
    this.guard = guard;
    this.stock = stock;
    this.posting = posting;
    this.corrections = corrections;
    this.accounts = accounts;
    this.receipts = receipts;
    this.audit = audit;
    this.metrics = metrics;
  }

  record Product(long id, String name, String unit, long price, long stock, boolean active) {}

  @Transactional
  public RedemptionResponse redeem(Caller actor, RedeemRequest r, String clientIp) {
    if ((r.qrToken() == null) == (r.cardCode() == null)) {
      throw ApiException.badRequest("IDENTIFY_HOUSEHOLD", "请扫描村民的兑换码或户卡（二选一）");
    }
    long householdId;
    QrTokens.Verified token = null;
    if (r.qrToken() != null) {
      token = qr.verify(r.qrToken(), Instant.now());
      householdId = token.householdId();
    } else {
      CardHolder holder = cards.resolve(actor, r.cardCode());
      householdId = holder.householdId();
      secondFactor(holder, r, clientIp);
    }
    long village = guard.villageOfHousehold(actor, householdId);
    QrTokens.Verified used = token;
    metrics.redeemed(used != null ? "QR" : "CARD");
    return complete(actor, village, householdId, used != null ? "QR" : "CARD", r.items(),
        Instant.now(), () -> {
          if (used != null) {
            qr.consume(used);
          }
        });
  }

  /**
   * Records a redemption that happened at {@code when} (the demo's six months of history use
   * it; the counter always goes through {@link #redeem}). Same checks and writes as a live one.
   */
  @Transactional
  public RedemptionResponse recordPast(Caller actor, long householdId,
      List<RedeemRequest.Line> items, Instant when) {
    long village = guard.villageOfHousehold(actor, householdId);
    return complete(actor, village, householdId, "QR", items, when, () -> { });
  }

  /**
   * Everything that touches only this household's rows comes first (the code, the redemption,
   * the audit line); the rows every redemption of the village shares (its products, then the
   * SHOP account and the month's rollup inside the posting) are locked last, so they are held
   * for as few statements as possible before the commit. Nothing refers to a shared row before
   * locking it: a foreign-key lock taken on a row that another transaction holds leaves it
   * costly to lock again (the ledger benchmark in deploy/bench/README.md showed it for the
   * accounts). The answer is built from what was written, without reading it back.
   */
  private RedemptionResponse complete(Caller actor, long village, long householdId,
      String method, List<RedeemRequest.Line> items, Instant at, Runnable consumeToken) {
    Instant when = LedgerHash.truncate(at);
    Map<Long, Long> lines = items.stream().collect(Collectors.toMap(
        RedeemRequest.Line::productId, RedeemRequest.Line::quantity, Long::sum, TreeMap::new));
    consumeToken.run();
    Shelf shelf = shelf(village, householdId, lines);
    long points = check(shelf.products(), lines);
    long id = sql.number("""
        insert into redemptions (village_id, household_id, points, method, attendant_user_id,
          attendant_username, created_at) values (?, ?, ?, ?, ?, ?, ?) returning id""", village,
        householdId, points, method, actor.userId() == 0 ? null : actor.userId(),
        actor.username(), Timestamp.from(when));
    StringBuilder reason = new StringBuilder("兑换：");
    List<RedemptionResponse.Item> receiptItems = new ArrayList<>();
    for (Map.Entry<Long, Long> line : lines.entrySet()) {
      Product p = shelf.products().get(line.getKey());
      reason.append(reason.length() > 3 ? "、" : "").append(p.name()).append('×')
          .append(line.getValue());
      receiptItems.add(new RedemptionResponse.Item(p.id(), p.name(), p.unit(), line.getValue(),
          p.price(), p.price() * line.getValue()));
    }
    audit.recordInVillage(actor, village, "REDEEMED", "redemption", id,
        Map.of("householdId", householdId, "points", points, "method", method));

    // From here to the commit: the village's shared rows, in a fixed order.
    Map<Long, Product> locked = lockProducts(village, lines);
    check(locked, lines); // stock and shelf status again, now that they cannot change
    if (locked.values().stream()
        .anyMatch(p -> p.price() != shelf.products().get(p.id()).price())) {
      throw ApiException.conflict("PRICE_CHANGED", "商品价格刚刚调整过，请重新确认后再兑换",
          Map.of());
    }
    for (Map.Entry<Long, Long> line : lines.entrySet()) {
      // the lines reference the products: written under the lock, so their foreign-key locks
      // never reach a product another redemption holds
      sql.update("insert into redemption_items (redemption_id, product_id, quantity, price_points)"
          + " values (?, ?, ?, ?)", id, line.getKey(), line.getValue(),
          shelf.products().get(line.getKey()).price());
      stock.move(actor, village, line.getKey(), "REDEMPTION_OUT", -line.getValue(), null,
          "REDEMPTION", id);
    }
    PostedTransfer transfer = posting.post(actor, TransferRequest.of(village,
        TransferKind.REDEMPTION, accounts.household(householdId),
        accounts.system(village, SystemAccount.SHOP), points, cut(reason.toString()),
        when, "REDEMPTION", Long.toString(id)));
    sql.update("update redemptions set transfer_id = ? where id = ?", transfer.id(), id);
    return new RedemptionResponse(id, householdId, shelf.householdCode(), shelf.headName(),
        shelf.villageName(), points, transfer.fromBalanceAfter(), method, actor.username(),
        when.atZone(Sql.ZONE).toOffsetDateTime(), null, receiptItems);
  }

  /** The products asked for and who the household is, read without locking anything. */
  private record Shelf(Map<Long, Product> products, String householdCode, String headName,
      String villageName) {}

  private Shelf shelf(long village, long householdId, Map<Long, Long> lines) {
    Map<Long, Product> products = new TreeMap<>();
    String[] household = new String[3];
    sql.list("""
        select p.id, p.name, p.unit, p.price_points, p.stock, p.active, h.code, h.head_name,
          v.name village_name
        from products p
        join villages v on v.id = p.village_id
        join households h on h.id = ? and h.village_id = v.id
        where p.id = any(?::bigint[]) and p.village_id = ?""", rs -> {
          household[0] = rs.getString("code");
          household[1] = rs.getString("head_name");
          household[2] = rs.getString("village_name");
          return products.put(rs.getLong(1), product(rs));
        }, householdId, lines.keySet().toArray(Long[]::new), village);
    if (products.size() != lines.size()) {
      throw productNotFound();
    }
    return new Shelf(products, household[0], household[1], household[2]);
  }

  /** Refuses inactive or short products; answers the points the lines cost. */
  private static long check(Map<Long, Product> products, Map<Long, Long> lines) {
    long points = 0;
    for (Map.Entry<Long, Long> line : lines.entrySet()) {
      Product p = products.get(line.getKey());
      if (!p.active()) {
        throw ApiException.conflict("PRODUCT_INACTIVE", "“" + p.name() + "”已下架", Map.of(
            "productId", p.id()));
      }
      if (p.stock() < line.getValue()) {
        throw ApiException.conflict("OUT_OF_STOCK", "“" + p.name() + "”库存不足：只剩 " + p.stock()
            + " " + p.unit(), Map.of("productId", p.id(), "stock", p.stock(),
                "requested", line.getValue()));
      }
      points = Math.addExact(points, Math.multiplyExact(p.price(), line.getValue()));
    }
    return points;
  }

  /** The attendant the same day; the committee at any time. Stock comes back; at most once. */
  @Transactional
  public RedemptionResponse refund(Caller actor, long redemptionId, String reason) {
    var r = sql.one("""
        select village_id, transfer_id, refunded_at is not null refunded,
          (created_at at time zone 'Asia/Shanghai')::date = ? same_day
        from redemptions where id = ? for update""",
        rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getBoolean(4)},
        LocalDate.now(Sql.ZONE), redemptionId)
        .orElseThrow(() -> ApiException.notFound("REDEMPTION_NOT_FOUND", "找不到这笔兑换"));
    guard.requireVillage(actor, (Long) r[0], false);
    if ((Boolean) r[2]) {
      throw ApiException.conflict("ALREADY_REFUNDED", "这笔兑换已经退过了", Map.of());
    }
    if (actor.role() == Role.SHOP_ATTENDANT && !(Boolean) r[3]) {
      throw new ApiException(io.micronaut.http.HttpStatus.FORBIDDEN, "REFUND_NOT_SAME_DAY",
          "超市管理员只能退当天的兑换，之前的请找村委办理");
    }
    List<long[]> items = sql.list("select product_id, quantity from redemption_items"
        + " where redemption_id = ? order by product_id", rs -> new long[] {rs.getLong(1),
            rs.getLong(2)}, redemptionId);
    sql.list("select id from products where id = any(?::bigint[]) order by id for update",
        rs -> rs.getLong(1), (Object) items.stream().map(i -> i[0]).toArray(Long[]::new));
    PostedTransfer refund = corrections.reverse(actor, (Long) r[1],
        reason == null || reason.isBlank() ? "退还兑换" : reason.trim(), TransferKind.REFUND);
    for (long[] item : items) {
      stock.move(actor, (Long) r[0], item[0], "REFUND_IN", item[1], null, "REDEMPTION",
          redemptionId);
    }
    sql.update("update redemptions set refunded_at = now(), refund_transfer_id = ? where id = ?",
        refund.id(), redemptionId);
    audit.recordInVillage(actor, (Long) r[0], "REDEMPTION_REFUNDED", "redemption", redemptionId,
        Map.of("refundTransfer", refund.id()));
    return receipts.get(redemptionId);
  }

  private void secondFactor(CardHolder holder, RedeemRequest r, String clientIp) {
    String factor = sql.one("select card_factor from shop_policies where village_id = ?",
        rs -> rs.getString(1), holder.villageId()).orElse("PIN");
    if ("PIN".equals(factor)) {
      pins.check(holder.householdId(), r.pin(), clientIp);
    } else if (!Boolean.TRUE.equals(r.nameConfirmed())) {
      throw ApiException.unprocessable("NAME_NOT_CONFIRMED",
          "请先核对户主姓名：" + holder.headName());
    }
  }

  private Map<Long, Product> lockProducts(long village, Map<Long, Long> lines) {
    Map<Long, Product> products = new TreeMap<>();
    sql.list("""
        select id, name, unit, price_points, stock, active from products
        where id = any(?::bigint[]) and village_id = ? order by id for update""",
        rs -> products.put(rs.getLong(1), product(rs)), lines.keySet().toArray(Long[]::new),
        village);
    if (products.size() != lines.size()) {
      throw productNotFound();
    }
    return products;
  }

  private static Product product(ResultSet rs) throws SQLException {
    return new Product(rs.getLong("id"), rs.getString("name"), rs.getString("unit"),
        rs.getLong("price_points"), rs.getLong("stock"), rs.getBoolean("active"));
  }

  private static ApiException productNotFound() {
    return ApiException.notFound("PRODUCT_NOT_FOUND", "找不到所选的商品，请刷新商品列表");
  }

  private static String cut(String reason) {
    return reason.length() <= 200 ? reason : reason.substring(0, 197) + "…";
  }
}
