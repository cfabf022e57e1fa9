package io.mlmd4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;

/** The counting connection counts executions, non-empty batches and commits, and forwards. */
class StatementCounterTest {

  @Test
  void countsWhatIsSentAndForwardsEverything() throws Exception {
    StatementCounter counter = new StatementCounter();
    try (Connection raw = new SQLiteConfig().createConnection("jdbc:sqlite::memory:")) {
      Connection c = counter.wrap(raw);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t(x INTEGER)");
      }
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement("INSERT INTO t VALUES (?)")) {
        s.executeBatch(); // empty: nothing is sent
        for (int i = 0; i < 3; i++) {
          s.setInt(1, i);
          s.addBatch();
        }
        s.executeBatch();
        s.setInt(1, 10);
        s.executeUpdate();
      }
      c.commit();
      assertThat(counter.roundTrips()).isEqualTo(4);
      assertThat(counter.batchedRows()).isEqualTo(3);

      try (PreparedStatement s = c.prepareStatement("SELECT SUM(x) FROM t");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(13);
      }
      c.rollback();
      assertThat(counter.roundTrips()).isEqualTo(6);
      assertThat(c.unwrap(Connection.class)).isNotNull();
    }
  }
}
