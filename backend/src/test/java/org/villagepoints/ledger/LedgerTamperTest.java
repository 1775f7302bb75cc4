package org.villagepoints.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.auth.Caller;
import org.villagepoints.common.Sql;
import org.villagepoints.ledger.LedgerAccounts.SystemAccount;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;

/** The database refuses tampering; what gets past it (a superuser) the verifier reports. */
@MicronautTest(transactional = false)
class LedgerTamperTest extends ApiTest {

  @Inject PostingService posting;
  @Inject LedgerAccounts accounts;
  @Inject LedgerVerifier verifier;
  @Inject Sql sql;
  @io.micronaut.context.annotation.Value("${datasources.default.url}") String url;
  @io.micronaut.context.annotation.Value("${datasources.default.username}") String user;
  @io.micronaut.context.annotation.Value("${datasources.default.password:}") String password;

  private long village;
  private long entry;
  private long account;

  @BeforeAll
  void postSomePoints() {
    Fixture f = new Fixture(sql);
    village = f.village("shanqian");
    Caller actor = f.committee("shanqian");
    account = f.account(f.household("shanqian", "H002"));
    long issuance = accounts.system(village, SystemAccount.ISSUANCE);
    for (int i = 1; i <= 3; i++) {
      posting.post(actor, TransferRequest.of(village, TransferKind.AWARD, issuance, account,
          10 * i, "孝老爱亲", Instant.now(), "TEST", null));
    }
    entry = sql.number("select id from ledger_entries where account_id = ? and account_seq = 2",
        account);
  }

  private void execute(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (String statement : statements) {
        s.execute(statement);
      }
      c.commit();
    }
  }

  @Test
  void entriesCannotBeUpdatedOrDeleted() {
    assertThatThrownBy(() -> execute("update ledger_entries set amount = 999 where id = " + entry))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> execute("delete from ledger_entries where id = " + entry))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> execute("delete from ledger_transfers"))
        .hasMessageContaining("append-only");
  }

  @Test
  void aHouseholdBalanceCannotGoNegative() {
    assertThatThrownBy(() -> execute(
        "update ledger_accounts set balance = -1 where id = " + account))
        .hasMessageContaining("ledger_accounts_balance_ck");
  }

  @Test
  void anUnbalancedTransferIsRefusedAtCommit() {
    assertThatThrownBy(() -> execute("""
        insert into ledger_transfers (village_id, kind, from_account_id, to_account_id, amount,
          reason, occurred_at, recorded_at, actor_username)
        select village_id, 'AWARD', %1$d, %1$d + 0, 5, '伪造', now(), now(), 'x'
        from ledger_accounts where id = %1$d""".formatted(account)))
        .hasMessageContaining("ledger_transfers_accounts_ck");
  }

  @Test
  void anEntryAlteredWithTriggersDisabledIsReportedByTheVerifier() throws SQLException {
    assertThat(verifier.verify(village, null).ok()).isTrue();
    execute("set session_replication_role = replica",
        "update ledger_entries set amount = amount + 5, balance_after = balance_after + 5"
            + " where id = " + entry,
        "set session_replication_role = origin");
    VerifyReport report = verifier.verify(village, null);
    assertThat(report.ok()).isFalse();
    assertThat(report.problems()).extracting(VerifyReport.Problem::kind)
        .contains("HASH_MISMATCH", "RUNNING_BALANCE");
    assertThat(report.problems()).anySatisfy(p -> {
      assertThat(p.entryId()).isEqualTo(entry);
      assertThat(p.accountId()).isEqualTo(account);
    });
  }
}
