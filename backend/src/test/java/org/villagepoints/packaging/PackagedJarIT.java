package org.villagepoints.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fat jar, started the way the Quick start starts it (demo mode, embedded PostgreSQL in
 * a data directory), serves the front end and the API; a second start on the same data
 * directory works too. Catches what tests on the class path cannot: a dependency missing
 * from the packaged jar.
 */
class PackagedJarIT {

  @TempDir Path data;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theJarStartsInDemoModeAndAgainOnItsOwnData() throws Exception {
    for (int run = 1; run <= 2; run++) {
      int port = freePort();
      Process service = start(port);
      try {
        assertThat(awaitHealth(port, service)).as("health within 90 s (see %s)", log())
            .isTrue();
        HttpResponse<String> index = get(port, "/committee", null);
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("id=\"app\"");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/login"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"username\":\"lixin-committee\",\"password\":\"demo123\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      } finally {
        service.destroy();
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
      }
      assertThat(data.resolve("postgres/postmaster.pid")).as("embedded PostgreSQL stopped")
          .doesNotExist();
    }
    assertThat(data.resolve("jwt-secret")).exists();
  }

  private Process start(int port) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-jar", System.getProperty("vp.jar"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    pb.environment().put("VP_DEMO", "true");
    pb.environment().put("VP_DATA_DIR", data.toString());
    pb.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
    pb.environment().remove("DATASOURCES_DEFAULT_URL");
    pb.environment().remove("VP_JWT_SECRET");
    return pb.start();
  }

  private Path log() {
    return Path.of(System.getProperty("vp.jar")).resolveSibling("packaged-jar-it.log");
  }

  private boolean awaitHealth(int port, Process service) throws Exception {
    for (int i = 0; i < 180 && service.isAlive(); i++) {
      try {
        if (get(port, "/health", null).statusCode() == 200) {
          return true;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    return false;
  }

  private HttpResponse<String> get(int port, String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

}
