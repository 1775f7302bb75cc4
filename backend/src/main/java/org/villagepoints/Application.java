package org.villagepoints;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.util.Arrays;
import org.villagepoints.common.StartupSettings;
import org.villagepoints.common.StartupSettings.StartupRefused;

/**
 * Entry point. {@code java -jar backend.jar} serves the product; {@code java -jar backend.jar
 * <command>} runs one administrative command against the same database (see {@link Commands}).
 */
@OpenAPIDefinition(
    info = @Info(title = "village-points", version = "1.0",
        description = "Village Points (道德银行 · 爱心积分超市) API. Errors are"
            + " application/problem+json with a stable code and a Chinese detail."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
    bearerFormat = "JWT")
public class Application {

  public static void main(String[] args) {
    StartupSettings settings;
    try {
      settings = StartupSettings.resolve(System.getenv());
    } catch (StartupRefused refused) {
      System.err.println(refused.getMessage());
      System.exit(2);
      return;
    }
    if (args.length > 0) {
      System.exit(Commands.run(settings, args[0], Arrays.copyOfRange(args, 1, args.length)));
      return;
    }
    ApplicationContext context =
        Micronaut.build(args).properties(settings.properties()).mainClass(Application.class).start();
    // Micronaut's own shutdown hook stops the context (closing it here too can deadlock);
    // the embedded database is stopped only once the server and pool using it are down.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> {
          for (int i = 0; i < 300 && context.isRunning(); i++) {
            try {
              Thread.sleep(100);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              break;
            }
          }
          settings.close();
        }, "embedded-postgres-stop"));
  }
}
