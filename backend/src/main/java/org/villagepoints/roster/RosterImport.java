package org.villagepoints.roster;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.villagepoints.audit.AuditService;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.Sql;
import org.villagepoints.household.HouseholdRegistry;
import org.villagepoints.household.NewHousehold;
import org.villagepoints.household.NewHousehold.NewMember;
import org.villagepoints.ledger.LedgerAccounts;
import org.villagepoints.ledger.LedgerAccounts.SystemAccount;
import org.villagepoints.ledger.PostingService;
import org.villagepoints.ledger.TransferKind;
import org.villagepoints.ledger.TransferRequest;
import org.villagepoints.region.RegionAdmin;
import org.villagepoints.roster.ImportResult.RowError;

/**
 * Imports a roster all or nothing: every row is checked first; only a file without errors
 * is written, in one transaction. Households are matched by code, so importing the same
 * file again changes nothing. Opening balances post as OPENING transfers through the
 * ledger, and only while the village has no other entries (migration from paper books).
 */
@Singleton
public class RosterImport {

  private final Sql sql;
  private final HouseholdRegistry registry;
  private final RegionAdmin regions;
  private final PostingService posting;
  private final LedgerAccounts accounts;
  private final AuditService audit;

  RosterImport(Sql sql, HouseholdRegistry registry, RegionAdmin regions, PostingService posting,
      LedgerAccounts accounts, AuditService audit) {
    this.sql = sql;
    this.registry = registry;
    this.regions = regions;
    this.posting = posting;
    this.accounts = accounts;
    this.audit = audit;
  }

  record Existing(long id, String status, String signature, long opening) {}

  @Transactional
  public ImportResult run(Caller actor, long villageId, String filename, byte[] bytes,
      boolean dryRun) {
    RosterParser parsed = new RosterParser(RosterFile.read(filename, bytes));
    List<RowError> errors = new ArrayList<>(parsed.errors);
    Map<String, Existing> existing = existing(villageId);
    boolean migration = sql.number("select count(*) from ledger_entries where village_id = ?"
        + " and kind <> 'OPENING'", villageId) == 0;
    List<RosterRow> creates = new ArrayList<>();
    List<RosterRow> updates = new ArrayList<>();
    int unchanged = 0;
    long opening = 0;
    for (RosterRow row : parsed.rows) {
      Existing ex = existing.get(row.code());
      if (ex != null && !"ACTIVE".equals(ex.status())) {
        errors.add(new RowError(row.row(), RosterColumns.CODE, "户 " + row.code() + " 已归档，不能再导入"));
        continue;
      }
      long posted = ex == null ? 0 : ex.opening();
      if (row.opening() > 0 && posted != row.opening()) {
        if (posted > 0) {
          errors.add(new RowError(row.row(), RosterColumns.OPENING,
              "期初积分已入账（" + posted + " 分），不能再修改；请用积分调整"));
        } else if (!migration) {
          errors.add(new RowError(row.row(), RosterColumns.OPENING,
              "本村已有积分流水，不能再导入期初积分"));
        } else {
          opening += row.opening();
        }
      }
      if (ex == null) {
        creates.add(row);
      } else if (!ex.signature().equals(signature(row))) {
        updates.add(row);
      } else {
        unchanged++;
      }
    }
    int rows = parsed.rows.size() + (int) parsed.errors.stream().map(RowError::row).distinct()
        .count();
    if (!errors.isEmpty() || dryRun) {
      return new ImportResult(rows, creates.size(), updates.size(), unchanged, opening, false,
          errors);
    }
    write(actor, villageId, creates, updates, existing);
    audit.recordInVillage(actor, villageId, "HOUSEHOLDS_IMPORTED", "village", villageId,
        Map.of("file", filename == null ? "" : filename, "created", creates.size(),
            "updated", updates.size(), "openingPoints", opening));
    return new ImportResult(rows, creates.size(), updates.size(), unchanged, opening, true,
        List.of());
  }

  private void write(Caller actor, long villageId, List<RosterRow> creates,
      List<RosterRow> updates, Map<String, Existing> existing) {
    Map<String, Long> groups = new HashMap<>();
    sql.list("select name, id from household_groups where village_id = ?",
        rs -> groups.put(rs.getString(1), rs.getLong(2)), villageId);
    List<TransferRequest> openings = new ArrayList<>();
    long issuance = accounts.system(villageId, SystemAccount.ISSUANCE);
    for (RosterRow row : creates) {
      long id = registry.open(new NewHousehold(villageId, group(villageId, row, groups),
          row.code(), row.headName(), row.address(), row.phone(), row.members()));
      sql.update("update households set low_income = ? where id = ?", row.lowIncome(), id);
      addOpening(openings, villageId, issuance, id, row, 0);
    }
    for (RosterRow row : updates) {
      Existing ex = existing.get(row.code());
      sql.update("""
          update households set head_name = ?, group_id = ?, address = ?, phone = ?,
            low_income = ? where id = ?""", row.headName(), group(villageId, row, groups),
          row.address(), row.phone(), row.lowIncome(), ex.id());
      registry.replaceMembers(ex.id(), villageId, row.members());
      addOpening(openings, villageId, issuance, ex.id(), row, ex.opening());
    }
    posting.post(actor, openings);
  }

  private void addOpening(List<TransferRequest> openings, long villageId, long issuance,
      long householdId, RosterRow row, long alreadyPosted) {
    if (row.opening() > 0 && alreadyPosted == 0) {
      openings.add(TransferRequest.of(villageId, TransferKind.OPENING, issuance,
          accounts.household(householdId), row.opening(), "期初积分（花名册导入）", Instant.now(),
          "IMPORT_OPENING", Long.toString(householdId)));
    }
  }

  private long group(long villageId, RosterRow row, Map<String, Long> groups) {
    return groups.computeIfAbsent(row.group(),
        name -> regions.group(villageId, name, null, groups.size() + 1));
  }

  private Map<String, Existing> existing(long villageId) {
    Map<Long, String> members = new HashMap<>();
    sql.list("""
        select household_id, string_agg(name || ':' || relation, ';' order by position, id)
        from household_members where village_id = ? group by household_id""",
        rs -> members.put(rs.getLong(1), rs.getString(2)), villageId);
    return sql.list("""
        select h.id, h.code, h.status, h.head_name, g.name group_name, h.address, h.phone,
          h.low_income, coalesce((select sum(t.amount) from ledger_transfers t
            join ledger_accounts a on a.id = t.to_account_id
            where a.household_id = h.id and t.kind = 'OPENING'), 0) opening
        from households h join household_groups g on g.id = h.group_id
        where h.village_id = ?""",
        rs -> new Existing(rs.getLong("id"), rs.getString("status"),
            String.join("|", rs.getString("code"), rs.getString("head_name"),
                rs.getString("group_name"), String.valueOf(rs.getString("address")),
                String.valueOf(rs.getString("phone")), Boolean.toString(rs.getBoolean("low_income")),
                members.getOrDefault(rs.getLong("id"), "")),
            rs.getLong("opening")), villageId)
        .stream().collect(Collectors.toMap(e -> e.signature().split("\\|")[0], e -> e));
  }

  private static String signature(RosterRow row) {
    return String.join("|", row.code(), row.headName(), row.group(),
        String.valueOf(row.address()), String.valueOf(row.phone()),
        Boolean.toString(row.lowIncome()), row.members().stream()
            .map(m -> m.name() + ":" + m.relation()).collect(Collectors.joining(";")));
  }

}
