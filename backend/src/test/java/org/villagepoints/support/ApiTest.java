package org.villagepoints.support;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of tests that talk HTTP to the running service on its own fresh database (a copy of
 * the demo district). Subclasses carry {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest implements TestPropertyProvider {

  @Inject protected EmbeddedServer server;

  private TestApi api;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> props = new java.util.HashMap<>();
    TestDatabase.get().freshDatabaseProperties().forEach((k, v) -> props.put(k, v.toString()));
    props.putAll(extraProperties());
    return props;
  }

  /** Overridden by tests that need other settings. */
  protected Map<String, String> extraProperties() {
    return Map.of();
  }

  protected TestApi api() {
    if (api == null) {
      api = new TestApi(server.getURI());
    }
    return api;
  }
}
