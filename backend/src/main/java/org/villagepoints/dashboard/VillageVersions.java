package org.villagepoints.dashboard;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * A village's current version (V017), asked before a kept answer is sent again: one statement
 * on a connection of its own in autocommit, so one round trip to the server with no
 * transaction opened and committed around it (the {@code Sql} helper's two).
 */
@Singleton
class VillageVersions {

  static final String VERSION = "select version from village_versions where village_id = ?";

  private final JdbcOperations jdbc;

  VillageVersions(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Connectable
  Optional<Long> of(long village) {
    return jdbc.prepareStatement(VERSION, ps -> {
      ps.setLong(1, village);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    });
  }
}
