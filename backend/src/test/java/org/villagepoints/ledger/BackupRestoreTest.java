package org.villagepoints.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.DatabaseFingerprint;
import org.villagepoints.support.TestDatabase;

/**
 * deploy/backup.sh and deploy/restore.sh against the test PostgreSQL: a backup of a ledger
 * with activity restores into a fresh database where the verifier finds the same accounts,
 * entries, balances and chain heads, and every table is identical.
 */
@MicronautTest(transactional = false)
class BackupRestoreTest extends ApiTest {

  @Inject LedgerVerifier verifier;

  @Value("${datasources.default.url}")
  String sourceUrl;

  @TempDir Path backups;

  record Run(int exit, String output) {}

  @Test
  void aRestoredBackupHasTheSameLedgerAndTheSameTables() throws Exception {
    makeLedgerActivity();
    Run first = script(sourceUrl, Map.of(), "backup.sh", backups.toString());
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(dumps()).hasSize(1);
    for (int i = 0; i < 2; i++) {
      Run again = script(sourceUrl, Map.of("VP_BACKUP_KEEP", "2"), "backup.sh",
          backups.toString());
      assertThat(again.exit()).as(again.output()).isZero();
    }
    List<Path> kept = dumps();
    assertThat(kept).as("only the two newest are kept").hasSize(2);
    Path backup = kept.get(kept.size() - 1);

    String target = TestDatabase.get().emptyDatabaseUrl();
    Run restore = script(target, Map.of(), "restore.sh", backup.toString());
    assertThat(restore.exit()).as(restore.output()).isZero();

    assertThat(chainHeads(target)).isEqualTo(chainHeads(sourceUrl)).isNotEmpty();
    assertThat(fingerprint(target)).isEqualTo(fingerprint(sourceUrl));
    String name = target.substring(target.lastIndexOf('/') + 1);
    try (ApplicationContext restored = ApplicationContext.builder()
        .properties(TestDatabase.get().baseProperties(name)).start()) {
      for (long district : districts(sourceUrl)) {
        VerifyReport before = verifier.verify(null, district);
        VerifyReport after = restored.getBean(LedgerVerifier.class).verify(null, district);
        assertThat(after).isEqualTo(before);
        assertThat(after.ok()).isTrue();
      }
    }

    Run refused = script(target, Map.of(), "restore.sh", backup.toString());
    assertThat(refused.exit()).isNotZero();
    assertThat(refused.output()).contains("not empty");
    assertThat(chainHeads(target)).isEqualTo(chainHeads(sourceUrl));
    Run forced = script(target, Map.of(), "restore.sh", "--force", kept.get(0).toString());
    assertThat(forced.exit()).as(forced.output()).isZero();
  }

  /** Awards (adjustments), a deduction and a reversal through the API, in two villages. */
  private void makeLedgerActivity() {
    String committee = api().login("lixin-committee", "demo123");
    for (int household = 1; household <= 5; household++) {
      var res = api().post("/api/households/" + household + "/adjustments",
          Map.of("points", 10 * household, "reason", "备份测试"), committee,
          Map.of("Idempotency-Key", "backup-" + UUID.randomUUID()));
      assertThat(res.status()).as(res.body()).isEqualTo(201);
    }
    long transfer = api().post("/api/households/1/adjustments", Map.of("points", -3, "reason",
        "备份测试扣分"), committee).json().path("transfer").path("id").asLong();
    assertThat(api().post("/api/transfers/" + transfer + "/reverse", Map.of("reason", "撤销"),
        committee, Map.of("Idempotency-Key", "backup-" + UUID.randomUUID())).status())
        .isEqualTo(201);
  }

  private Run script(String url, Map<String, String> env, String name, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of("..", "deploy", name).toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("DATASOURCES_DEFAULT_URL", url);
    pb.environment().put("DATASOURCES_DEFAULT_USERNAME", TestDatabase.get().user());
    pb.environment().put("DATASOURCES_DEFAULT_PASSWORD", TestDatabase.get().password());
    pb.environment().putAll(env);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Run(p.exitValue(), output);
  }

  private List<Path> dumps() throws IOException {
    try (Stream<Path> files = Files.list(backups)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".dump")).sorted().toList();
    }
  }

  private static Map<String, String> fingerprint(String url) {
    return DatabaseFingerprint.of(url, TestDatabase.get().user(), TestDatabase.get().password(),
        Set.of());
  }

  /** Every account's balance, sequence and newest hash: what the verifier checks against. */
  private static List<String> chainHeads(String url) throws SQLException {
    return rows(url, "select id || ':' || balance || ':' || last_seq || ':' || coalesce(last_hash,"
        + " '-') from ledger_accounts order by id");
  }

  private static List<Long> districts(String url) throws SQLException {
    return rows(url, "select id from districts order by id").stream().map(Long::valueOf)
        .toList();
  }

  private static List<String> rows(String url, String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, TestDatabase.get().user(),
            TestDatabase.get().password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
