package org.villagepoints.ops;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Lag of a streaming standby. The standby's replay timestamp alone misleads: on an idle
 * primary nothing commits, so {@code now() - pg_last_xact_replay_timestamp()} grows while
 * the standby is fully caught up. So first compare positions: when the standby has replayed
 * up to the primary's current WAL position ({@code pg_last_wal_replay_lsn() >=
 * pg_current_wal_lsn()}) the lag is 0; otherwise it is the age of the last replayed commit.
 * (Right after a quiet spell the first write makes that age look large for a moment, until
 * the standby replays it: reads then go to the primary briefly, which errs on the safe side.)
 */
@Singleton
@Requires(property = "datasources.replica.url")
class WalReplicaLag implements ReplicaLag {

  private final RoutingDataSources sources;

  WalReplicaLag(RoutingDataSources sources) {
    this.sources = sources;
  }

  @Override
  public double seconds() throws SQLException {
    String replayed;
    Double age;
    try (Connection c = sources.replica().getConnection();
        PreparedStatement ps = c.prepareStatement("select pg_is_in_recovery(),"
            + " pg_last_wal_replay_lsn()::text,"
            + " extract(epoch from now() - pg_last_xact_replay_timestamp())::float8");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (!rs.getBoolean(1)) {
        throw new SQLException("datasources.replica is not a standby (pg_is_in_recovery() is"
            + " false): not used for reads");
      }
      replayed = rs.getString(2);
      age = rs.getObject(3) == null ? null : rs.getDouble(3);
    }
    try (Connection c = sources.primary().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "select pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn) <= 0")) {
      ps.setString(1, replayed);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (replayed != null && rs.getBoolean(1)) {
          return 0;
        }
      }
    }
    return age == null ? Double.POSITIVE_INFINITY : Math.max(0, age);
  }
}
