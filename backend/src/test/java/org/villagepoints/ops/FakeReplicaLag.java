package org.villagepoints.ops;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.SQLException;

/** Test stand-in for the WAL comparison: a second ordinary database is no standby. */
@Singleton
@Replaces(WalReplicaLag.class)
@Requires(property = "test.fake-replica-lag", value = "true")
class FakeReplicaLag implements ReplicaLag {

  volatile double seconds;
  volatile boolean down;

  @Override
  public double seconds() throws SQLException {
    if (down) {
      throw new SQLException("replica unreachable (test)", "08001");
    }
    return seconds;
  }
}
