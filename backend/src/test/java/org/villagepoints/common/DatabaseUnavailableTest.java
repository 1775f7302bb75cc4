package org.villagepoints.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.exceptions.NoConnectionException;
import io.micronaut.transaction.exceptions.CannotCreateTransactionException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures count as "the database is away" (503) and which stay service faults (500). */
class DatabaseUnavailableTest {

  private static SQLException state(String sqlState) {
    return new SQLException("from the driver", sqlState);
  }

  @Test
  void connectionFailuresAndServerShutdownStatesAreAnOutageAnywhereOnTheCauseChain() {
    for (String s : new String[] {"08001", "08006", "08003", "57P01", "57P02", "57P03", "53300"}) {
      assertThat(DatabaseUnavailable.causedBy(state(s))).as(s).isTrue();
      assertThat(DatabaseUnavailable.causedBy(
          new IllegalStateException("posting failed", new RuntimeException(state(s))))).as(s)
          .isTrue();
    }
    assertThat(DatabaseUnavailable.causedBy(new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 3000ms."))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(
        new CannotCreateTransactionException("Could not open JDBC Connection"))).isTrue();
  }

  @Test
  void constraintViolationsProgrammingErrorsAndOtherFailuresAreNot() {
    for (String s : new String[] {"23505", "23514", "40001", "42P01", "22021", "57014"}) {
      assertThat(DatabaseUnavailable.causedBy(state(s))).as(s).isFalse();
    }
    assertThat(DatabaseUnavailable.causedBy(new SQLException("no state"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new NullPointerException())).isFalse();
    assertThat(DatabaseUnavailable.causedBy(null)).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new NoConnectionException("none bound"))).isFalse();
  }

  @Test
  void aCauseChainWithACycleEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(DatabaseUnavailable.causedBy(a)).isFalse();
  }

  @Test
  void theProblemIs503WithAStableCodeAndAChineseDetail() {
    Problem p = DatabaseUnavailable.problem();
    assertThat(p.status()).isEqualTo(503);
    assertThat(p.code()).isEqualTo("DATABASE_UNAVAILABLE");
    assertThat(p.detail()).containsPattern("\\p{IsHan}");
  }
}
