package org.villagepoints.card;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;
import org.villagepoints.household.HouseholdRegistry.HouseholdOpened;

/** Issues, revokes and resolves printed household cards. Every household opens with one. */
@Singleton
public class CardService implements HouseholdOpened {

  private final Sql sql;
  private final CardSigner signer;
  private final ScopeGuard guard;
  private final AuditService audit;

  CardService(Sql sql, CardSigner signer, ScopeGuard guard, AuditService audit) {
    this.sql = sql;
    this.signer = signer;
    this.guard = guard;
    this.audit = audit;
  }

  @Override
  @Transactional
  public void opened(long householdId, long villageId) {
    issue(householdId, villageId);
  }

  /** Revokes the current card (if any) and issues a new serial. */
  @Transactional
  public Card reissue(Caller actor, long householdId) {
    long village = guard.villageOfHousehold(actor, householdId);
    revokeActive(householdId);
    Card card = issue(householdId, village);
    audit.recordInVillage(actor, village, "CARD_REISSUED", "household", householdId,
        Map.of("serial", card.serial()));
    return card;
  }

  @Transactional
  public void revoke(Caller actor, long householdId) {
    long village = guard.villageOfHousehold(actor, householdId);
    if (revokeActive(householdId) == 0) {
      throw ApiException.conflict("NO_ACTIVE_CARD", "这一户没有在用的户卡", Map.of());
    }
    audit.recordInVillage(actor, village, "CARD_REVOKED", "household", householdId, Map.of());
  }

  /** The household a scanned payload belongs to; refuses forged, unknown and revoked cards. */
  @Transactional
  public CardHolder resolve(Caller actor, String payload) {
    String serial = signer.verify(payload);
    if (serial == null) {
      throw ApiException.badRequest("CARD_INVALID", "无法识别这张户卡，请确认是本村的户卡");
    }
    CardHolder holder = sql.one("""
        select c.serial, c.status, h.id, h.code, h.head_name, g.name group_name, h.village_id,
          v.name village_name, coalesce(a.balance, 0) balance, (select r.stars from ratings r join rating_rounds o on o.id = r.round_id where r.household_id = h.id order by o.period_end desc, r.rated_at desc limit 1) stars
        from household_cards c join households h on h.id = c.household_id
          join household_groups g on g.id = h.group_id join villages v on v.id = h.village_id
          left join ledger_accounts a on a.household_id = h.id
        where c.serial = ?""",
        rs -> new CardHolder(rs.getString("serial"), rs.getString("status"), rs.getLong("id"),
            rs.getString("code"), rs.getString("head_name"), rs.getString("group_name"),
            rs.getLong("village_id"), rs.getString("village_name"), rs.getLong("balance"),
            (Integer) rs.getObject("stars")),
        serial).orElseThrow(
            () -> ApiException.badRequest("CARD_INVALID", "无法识别这张户卡，请确认是本村的户卡"));
    guard.requireVillage(actor, holder.villageId(), false);
    if (!"ACTIVE".equals(holder.status())) {
      throw ApiException.conflict("CARD_REVOKED", "这张户卡已挂失作废，请使用新卡或手机兑换码",
          Map.of("householdId", holder.householdId()));
    }
    return holder;
  }

  /** Active cards of a village (optionally one group), in register order, for printing. */
  @Transactional
  public List<PrintedCard> printable(long villageId, Long groupId) {
    return sql.list("""
        select v.name village_name, h.code, h.head_name, g.name group_name, c.serial
        from household_cards c join households h on h.id = c.household_id
          join household_groups g on g.id = h.group_id join villages v on v.id = h.village_id
        where h.village_id = ? and c.status = 'ACTIVE' and h.status = 'ACTIVE'
          and (?::bigint is null or h.group_id = ?)
        order by g.position, g.id, h.code""",
        rs -> new PrintedCard(rs.getString("village_name"), rs.getString("code"),
            rs.getString("head_name"), rs.getString("group_name"), rs.getString("serial"),
            signer.payload(rs.getString("serial"))), villageId, groupId, groupId);
  }

  /** The active card of one household, for its single-card PNG. */
  @Transactional
  public PrintedCard printable(long householdId) {
    return sql.one("""
        select v.name village_name, h.code, h.head_name, g.name group_name, c.serial
        from household_cards c join households h on h.id = c.household_id
          join household_groups g on g.id = h.group_id join villages v on v.id = h.village_id
        where h.id = ? and c.status = 'ACTIVE'""",
        rs -> new PrintedCard(rs.getString("village_name"), rs.getString("code"),
            rs.getString("head_name"), rs.getString("group_name"), rs.getString("serial"),
            signer.payload(rs.getString("serial"))), householdId)
        .orElseThrow(() -> ApiException.notFound("NO_ACTIVE_CARD", "这一户没有在用的户卡，请先补办"));
  }

  private Card issue(long householdId, long villageId) {
    String serial = signer.newSerial();
    sql.update("insert into household_cards (household_id, village_id, serial) values (?, ?, ?)",
        householdId, villageId, serial);
    return new Card(householdId, serial, signer.payload(serial));
  }

  private int revokeActive(long householdId) {
    return sql.update("update household_cards set status = 'REVOKED', revoked_at = now()"
        + " where household_id = ? and status = 'ACTIVE'", householdId);
  }
}
