package org.villagepoints.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Turns the documented environment variables (VP_DEMO, VP_DATA_DIR, VP_JWT_SECRET,
 * DATASOURCES_DEFAULT_URL) into Micronaut properties before the context starts. Starts the
 * embedded PostgreSQL when no database URL is given. Refuses to start without a JWT secret
 * outside demo mode, because a guessable secret would let anyone forge logins.
 */
public final class StartupSettings implements AutoCloseable {

  static final int MIN_SECRET_LENGTH = 32;

  private final Map<String, Object> properties;
  private final EmbeddedDatabase embedded;

  private StartupSettings(Map<String, Object> properties, EmbeddedDatabase embedded) {
    this.properties = properties;
    this.embedded = embedded;
  }

  public static StartupSettings resolve(Map<String, String> env) {
    logFormat(env.get("VP_LOG_FORMAT"));
    boolean demo = "true".equalsIgnoreCase(env.getOrDefault("VP_DEMO", "false"));
    Path dataDir = Path.of(env.getOrDefault("VP_DATA_DIR", "data")).toAbsolutePath();
    Map<String, Object> props = new HashMap<>();
    props.put("vp.demo", demo);
    props.put("vp.data-dir", dataDir.toString());
    props.put("vp.jwt-secret", jwtSecret(env.get("VP_JWT_SECRET"), demo, dataDir));
    EmbeddedDatabase embedded = null;
    String url = env.get("DATASOURCES_DEFAULT_URL");
    if (url == null || url.isBlank()) {
      embedded = EmbeddedDatabase.start(dataDir.resolve("postgres"));
      props.putAll(embedded.datasourceProperties());
    }
    return new StartupSettings(props, embedded);
  }

  /** logback.xml names its appender after VP_LOG_FORMAT: any other value would log nothing. */
  static void logFormat(String given) {
    if (given != null && !given.isEmpty() && !given.equals("text") && !given.equals("json")) {
      throw new StartupRefused("VP_LOG_FORMAT 只能是 text 或 json (VP_LOG_FORMAT must be text or json,"
          + " not \"" + given + "\")");
    }
  }

  static String jwtSecret(String given, boolean demo, Path dataDir) {
    if (given != null && !given.isBlank()) {
      if (given.length() < MIN_SECRET_LENGTH) {
        throw new StartupRefused(
            "VP_JWT_SECRET 太短：至少 " + MIN_SECRET_LENGTH + " 个字符 (VP_JWT_SECRET must be at least "
                + MIN_SECRET_LENGTH + " characters; create one with: openssl rand -base64 48)");
      }
      return given;
    }
    if (!demo) {
      throw new StartupRefused(
          "未设置 VP_JWT_SECRET，服务拒绝启动 (VP_JWT_SECRET is not set; outside demo mode the"
              + " service refuses to start. Create one with: openssl rand -base64 48)");
    }
    return demoSecret(dataDir);
  }

  /** Demo mode: a random secret generated once and kept in the data directory. */
  private static String demoSecret(Path dataDir) {
    Path file = dataDir.resolve("jwt-secret");
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      Files.createDirectories(dataDir);
      byte[] bytes = new byte[48];
      new SecureRandom().nextBytes(bytes);
      String secret = Base64.getEncoder().encodeToString(bytes);
      Files.writeString(file, secret);
      trySetOwnerOnly(file);
      return secret;
    } catch (IOException e) {
      throw new StartupRefused("无法读写 " + file + " (cannot read or write the demo JWT secret): " + e);
    }
  }

  private static void trySetOwnerOnly(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | UnsupportedOperationException ignored) {
      // Not a POSIX file system: the file keeps the default permissions.
    }
  }

  public Map<String, Object> properties() {
    return properties;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }

  /** Thrown when the settings make starting unsafe or impossible; the message says why. */
  public static final class StartupRefused extends RuntimeException {
    public StartupRefused(String message) {
      super(message);
    }
  }
}
