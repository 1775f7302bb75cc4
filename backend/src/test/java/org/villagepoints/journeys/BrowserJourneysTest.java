package org.villagepoints.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.villagepoints.support.ApiTest;

/**
 * Runs the browser journeys (frontend/e2e, playwright-core driving Debian's headless
 * Chromium) against this test's running service: the real built front end from the
 * classpath, the real API, a fresh copy of the demo district.
 */
@MicronautTest(transactional = false)
class BrowserJourneysTest extends ApiTest {

  @Test
  void everyUserJourneyPassesInHeadlessChromium() throws Exception {
    Path frontend = Path.of(System.getProperty("vp.frontend.dir", "../frontend")).toAbsolutePath()
        .normalize();
    assertThat(Path.of("/usr/bin/chromium")).as("Debian chromium (deploy/install-test-tools.sh)")
        .exists();
    Path bundledNode = frontend.resolve("node/node");
    String node = Files.isExecutable(bundledNode) ? bundledNode.toString() : "node";
    ProcessBuilder builder = new ProcessBuilder(node, "e2e/run.mjs")
        .directory(frontend.toFile())
        .redirectErrorStream(true);
    builder.environment().put("BASE_URL", server.getURL().toString());
    Process process = builder.start();
    process.getOutputStream().close();
    // Relay through System.out: writing to the forked JVM's own stdout would corrupt
    // Surefire's channel, and this way the journey log lands in the test report.
    Thread relay = new Thread(() -> {
      try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
          process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
        lines.lines().forEach(System.out::println);
      } catch (java.io.IOException ignored) {
        // the process ended
      }
    }, "e2e-output");
    relay.start();
    boolean finished = process.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished).as("browser journeys finished within 10 minutes").isTrue();
    relay.join(5000);
    assertThat(process.exitValue()).as("browser journeys exit code (see output above)").isZero();
  }
}
