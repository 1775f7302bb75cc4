package org.villagepoints;

import io.micronaut.context.ApplicationContext;
import java.io.Console;
import java.util.HashMap;
import java.util.Map;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.UserAdmin;
import org.villagepoints.common.StartupSettings;
import org.villagepoints.region.RegionAdmin;

/**
 * Administrative commands, run as {@code java -jar backend.jar <command> [--name value ...]}
 * with the same environment (database, data directory) as the service.
 */
final class Commands {

  private Commands() {}

  static int run(StartupSettings settings, String command, String[] args) {
    Map<String, String> options = options(args);
    try (settings; ApplicationContext context =
        ApplicationContext.builder().properties(settings.properties()).start()) {
      return switch (command) {
        case "create-admin" -> createAdmin(context, options);
        default -> {
          System.err.println("未知命令 (unknown command): " + command
              + "\n可用命令 (commands): create-admin --username NAME --district 区名");
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
