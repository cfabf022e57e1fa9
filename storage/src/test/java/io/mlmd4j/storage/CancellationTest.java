package io.mlmd4j.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.testing.TestDatabases;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Work that a store runs in a cancellation's scope stops when the cancellation is cancelled. */
class CancellationTest {

  @ParameterizedTest
  @EnumSource(Backend.class)
  @Timeout(120) // without cancellation the query runs for hours: this fails instead of hanging
  void cancelStopsTheStoresQuery(Backend backend) throws Exception {
    try (MetadataSource source = MetadataSource.open(
        ConnectionUrl.parse(TestDatabases.freshUrl(backend)))) {
      Cancellation cancellation = new Cancellation();
      AtomicBoolean over = new AtomicBoolean();
      Thread canceller = new Thread(() -> {
        while (!over.get()) {
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
          cancellation.cancel();
        }
      });
      canceller.start();
      try (Cancellation.Scope scope = cancellation.enter()) {
        assertThatThrownBy(() -> source.read(c -> {
          try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(endless())) {
            return rs.next();
          }
        })).isInstanceOf(MlmdException.class);
      } finally {
        over.set(true);
        canceller.join();
      }
      assertThat(cancellation.isCancelled()).isTrue();
      // Outside the scope the same store runs queries as before.
      boolean read = source.read(c -> {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
          return rs.next();
        }
      });
      assertThat(read).isTrue();
    }
  }

  /** A cancel that comes before the query reaches the database keeps it from starting. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  @Timeout(120)
  void aCancelBeforeTheQueryKeepsItFromStarting(Backend backend) {
    try (MetadataSource source = MetadataSource.open(
        ConnectionUrl.parse(TestDatabases.freshUrl(backend)))) {
      Cancellation cancellation = new Cancellation();
      cancellation.cancel();
      try (Cancellation.Scope scope = cancellation.enter()) {
        assertThatThrownBy(() -> source.read(c -> {
          try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(endless())) {
            return rs.next();
          }
        })).isInstanceOf(MlmdException.class).hasMessageContaining("cancelled");
      }
    }
  }

  /** A query that runs for hours in any backend: ten rows joined with themselves 12 times. */
  private static String endless() {
    String digits = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
        + " UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7"
        + " UNION ALL SELECT 8 UNION ALL SELECT 9)";
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ");
    for (int i = 0; i < 12; i++) {
      sql.append(i == 0 ? "" : ", ").append(digits).append(" t").append(i);
    }
    return sql.toString();
  }
}
