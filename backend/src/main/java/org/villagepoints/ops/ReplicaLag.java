package org.villagepoints.ops;

import java.sql.SQLException;

/** Measures how far the read replica is behind the primary. */
public interface ReplicaLag {

  /**
   * Seconds behind the primary (0 when it has replayed everything the primary wrote); throws
   * when the replica cannot be asked or is not a standby.
   */
  double seconds() throws SQLException;
}
