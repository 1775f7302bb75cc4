package org.villagepoints.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupSettingsTest {

  @TempDir Path dataDir;

  @Test
  void anUnknownLogFormatIsRefusedRatherThanLoggingNothing() {
    assertThatThrownBy(() -> StartupSettings.logFormat("JSON "))
        .isInstanceOf(StartupSettings.StartupRefused.class).hasMessageContaining("VP_LOG_FORMAT");
    StartupSettings.logFormat(null);
    StartupSettings.logFormat("text");
    StartupSettings.logFormat("json");
  }

  @Test
  void outsideDemoModeTheServiceRefusesToStartWithoutASecret() {
    assertThatThrownBy(() -> StartupSettings.jwtSecret(null, false, dataDir))
        .isInstanceOf(StartupSettings.StartupRefused.class)
        .hasMessageContaining("VP_JWT_SECRET");
    assertThat(Files.exists(dataDir.resolve("jwt-secret"))).isFalse();
  }

  @Test
  void aShortSecretIsRefusedEvenInDemoMode() {
    assertThatThrownBy(() -> StartupSettings.jwtSecret("short", true, dataDir))
        .isInstanceOf(StartupSettings.StartupRefused.class)
        .hasMessageContaining("32");
  }

  @Test
  void demoModeGeneratesOneSecretAndKeepsItInTheDataDirectory() throws Exception {
    String first = StartupSettings.jwtSecret(null, true, dataDir);
    String second = StartupSettings.jwtSecret(null, true, dataDir);
    assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
    assertThat(Files.readString(dataDir.resolve("jwt-secret")).trim()).isEqualTo(first);
    assertThat(StartupSettings.jwtSecret(null, true, dataDir.resolve("other"))).isNotEqualTo(first);
  }

  @Test
  void aGivenSecretWinsOverDemoGeneration() {
    String given = "x".repeat(40);
    assertThat(StartupSettings.jwtSecret(given, true, dataDir)).isEqualTo(given);
  }
}
