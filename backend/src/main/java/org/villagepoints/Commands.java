package org.villagepoints;

import io.micronaut.context.ApplicationContext;
import java.io.Console;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.UserAdmin;
import org.villagepoints.common.Sql;
import org.villagepoints.common.StartupSettings;
import org.villagepoints.ledger.LedgerVerifier;
import org.villagepoints.ledger.VerifyReport;
import org.villagepoints.region.RegionAdmin;

/**
 * Administrative commands, run as {@code java -jar backend.jar <command> [--name value ...]}
 * with the same environment (database, data directory) as the service.
 */
final class Commands {

  private Commands() {}

  static int run(StartupSettings settings, String command, String[] args) {
    Map<String, String> options = options(args);
    Map<String, Object> props = new HashMap<>(settings.properties());
    props.put("vp.jobs.enabled", false);
    props.put("vp.demo", false);
    try (settings; ApplicationContext context =
        ApplicationContext.builder().properties(props).start()) {
      return switch (command) {
        case "create-admin" -> createAdmin(context, options);
        case "verify-ledger" -> verifyLedger(context, options);
        default -> {
          System.err.println("未知命令 (unknown command): " + command
              + "\n可用命令 (commands): create-admin --username NAME --district 区名 |"
              + " verify-ledger [--village ID | --district ID]");
          yield 2;
        }
      };
    }
  }

  /**
   * Creates the district (if new) and its first administrator. The password comes from
   * VP_ADMIN_PASSWORD or is asked on the terminal, so it never appears in the shell history.
   */
  private static int createAdmin(ApplicationContext context, Map<String, String> options) {
    String username = options.get("username");
    String district = options.get("district");
    if (username == null || district == null) {
      System.err.println("用法 (usage): create-admin --username NAME --district 区名");
      return 2;
    }
    String password = System.getenv("VP_ADMIN_PASSWORD");
    Console console = System.console();
    if ((password == null || password.isBlank()) && console != null) {
      password = new String(console.readPassword("新管理员密码 (password for %s): ", username));
    }
    if (password == null || password.length() < 8) {
      System.err.println("密码至少 8 位 (the password must have at least 8 characters)");
      return 2;
    }
    long districtId = context.getBean(RegionAdmin.class).district(district);
    long userId = context.getBean(UserAdmin.class).create(username, password, district + "管理员",
        Role.DISTRICT_ADMIN, UserAdmin.Scope.district(districtId));
    System.out.println("已创建区管理员 (created district administrator) " + username
        + " (user " + userId + ", district " + districtId + " " + district + ")");
    return 0;
  }

  /** Recomputes balances and hash chains; exit code 0 when clean, 1 when problems exist. */
  private static int verifyLedger(ApplicationContext context, Map<String, String> options) {
    LedgerVerifier verifier = context.getBean(LedgerVerifier.class);
    List<VerifyReport> reports = new ArrayList<>();
    if (options.containsKey("village")) {
      reports.add(verifier.verify(Long.parseLong(options.get("village")), null));
    } else if (options.containsKey("district")) {
      reports.add(verifier.verify(null, Long.parseLong(options.get("district"))));
    } else {
      Sql sql = context.getBean(Sql.class);
      for (long district : sql.list("select id from districts order by id", rs -> rs.getLong(1))) {
        reports.add(verifier.verify(null, district));
      }
    }
    boolean ok = true;
    for (VerifyReport r : reports) {
      System.out.printf("accounts=%d entries=%d problems=%d%n", r.accounts(), r.entries(),
          r.problems().size());
      r.problems().forEach(p -> System.out.printf("  %s account=%d entry=%s%n", p.kind(),
          p.accountId(), p.entryId()));
      ok &= r.ok();
    }
    System.out.println(ok ? "账本核对通过 (ledger verified)" : "账本核对发现问题 (ledger problems found)");
    return ok ? 0 : 1;
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (args[i].startsWith("--")) {
        options.put(args[i].substring(2), args[i + 1]);
      }
    }
    return options;
  }
}
