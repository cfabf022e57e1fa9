package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetContextsRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Statement: queries, identifier rules, errors with SQLStates and positions, closing. */
class StatementTest {

  @ParameterizedTest
  @EnumSource(Backend.class)
  void countsMatchTheStoreApi(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    MetadataStore store = c.unwrap(MetadataStore.class);
    assertThat(TestConnections.value(c, "SELECT COUNT(*) FROM artifacts")).isEqualTo(
        (long) store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsCount());
    assertThat(TestConnections.value(c, "SELECT COUNT(*) FROM executions")).isEqualTo(
        (long) store.getExecutions(GetExecutionsRequest.getDefaultInstance())
            .getExecutionsCount());
    assertThat(TestConnections.value(c, "SELECT COUNT(*) FROM contexts")).isEqualTo(
        (long) store.getContexts(GetContextsRequest.getDefaultInstance()).getContextsCount());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void concatenationConcatenatesOnEveryBackend(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    // MySQL reads || as OR unless told otherwise; the driver must send a concatenation.
    assertThat(TestConnections.value(c, "SELECT MIN(type || '/' || name) FROM contexts"
        + " WHERE type = 'pipeline'")).isEqualTo("pipeline/taxi");
    assertThat(TestConnections.value(c, "SELECT COUNT(*) FROM contexts"
        + " WHERE type || '!' = 'pipeline!'")).isEqualTo(1L);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void castsToEveryTypeNameRunInTheBackend(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    Object pipelineId = TestConnections.value(c, "SELECT id FROM contexts WHERE type = 'pipeline'");
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CAST(NULL AS VARCHAR) AS n,"
            + " CAST(id AS VARCHAR) AS v, CAST(CAST(id AS VARCHAR) AS BIGINT) AS b,"
            + " CAST(CAST(id AS VARCHAR) AS INTEGER) AS i, CAST(id AS DOUBLE) / 2 AS d"
            + " FROM contexts WHERE type = 'pipeline'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("n")).isNull();
      assertThat(rs.getString("v")).isEqualTo(String.valueOf(pipelineId));
      assertThat(rs.getLong("b")).isEqualTo(pipelineId);
      assertThat(rs.getLong("i")).isEqualTo(pipelineId);
      assertThat(rs.getDouble("d")).isEqualTo((Long) pipelineId / 2.0);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void windowFunctionsWork(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, COUNT(*) OVER () AS total,"
            + " ROW_NUMBER() OVER (ORDER BY id) AS n FROM contexts ORDER BY id")) {
      long count = (Long) TestConnections.value(c, "SELECT COUNT(*) FROM contexts");
      int rows = 0;
      while (rs.next()) {
        rows++;
        assertThat(rs.getLong("total")).isEqualTo(count);
        assertThat(rs.getLong("n")).isEqualTo(rows);
      }
      assertThat(rows).isEqualTo((int) count);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void unquotedIdentifiersIgnoreCaseQuotedOnesDoNot(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    Object count = TestConnections.value(c, "SELECT COUNT(*) FROM artifacts");
    assertThat(TestConnections.value(c, "SELECT COUNT(ID) FROM MLMD.ARTIFACTS")).isEqualTo(count);
    assertThat(TestConnections.value(c, "SELECT COUNT(\"id\") FROM \"artifacts\""))
        .isEqualTo(count);
    assertThat(TestConnections.value(c, "SELECT COUNT(*) FROM Artifact.Model"))
        .isEqualTo(TestConnections.value(c, "SELECT COUNT(*) FROM artifact.\"Model\""));
    try (Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT COUNT(*) FROM \"ARTIFACTS\""))
          .isInstanceOf(SQLSyntaxErrorException.class)
          .hasMessageContaining("ARTIFACTS")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void timesAreSixtyFourBit(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    // The demo's clock starts after 2026: more than 2^31 milliseconds.
    assertThat((Long) TestConnections.value(c,
        "SELECT MIN(create_time_since_epoch) FROM artifacts")).isGreaterThan(1_700_000_000_000L);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void nonAsciiLiteralsWork(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    assertThat(TestConnections.rows(c,
        "SELECT 'α→β', COUNT(*) FROM artifacts WHERE name = 'α'"))
        .containsExactly(List.of("α→β", 0L));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void maxRowsLimitsTheRows(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    try (Statement s = c.createStatement()) {
      s.setMaxRows(2);
      try (ResultSet rs = s.executeQuery("SELECT id FROM artifacts ORDER BY id")) {
        assertThat(TestConnections.rows(rs)).hasSize(2);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void syntaxErrorsCarryLineAndColumn(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    try (Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT id\nFROM artifacts\nWHERE id = = 3"))
          .isInstanceOf(SQLSyntaxErrorException.class)
          .hasMessageContaining("line 3, column 10")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
      assertThatThrownBy(() -> s.executeQuery("SELECT id FROM artifacts\nWHERE nosuch = 1"))
          .isInstanceOf(SQLSyntaxErrorException.class)
          .hasMessageContaining("line 2, column 7")
          .hasMessageContaining("nosuch")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM artifact.\"NoSuchType\""))
          .isInstanceOf(SQLSyntaxErrorException.class)
          .hasMessageContaining("NoSuchType");
    }
  }

  /**
   * Arithmetic the driver computes itself fails with a data exception: a constant (Calcite
   * compiles it into a static initializer), a parameter, rows of the lineage function.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void arithmeticErrorsAreDataExceptions(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    try (Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT 1/0"))
          .isInstanceOf(SQLDataException.class).hasMessageContaining("Division by zero")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22012");
      assertThatThrownBy(() -> readAll(s.executeQuery("SELECT 1 / (distance - distance)"
          + " FROM TABLE(lineage('UPSTREAM', 'ARTIFACTS', 'id > 0'))")))
          .isInstanceOf(SQLDataException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22012");
    }
    try (PreparedStatement p = c.prepareStatement("SELECT 10 / ? FROM (VALUES (1)) t(x)")) {
      p.setInt(1, 0);
      assertThatThrownBy(() -> readAll(p.executeQuery()))
          .isInstanceOf(SQLDataException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22012");
      p.setInt(1, 5);
      assertThat(TestConnections.rows(p.executeQuery())).containsExactly(List.of(2));
    }
    assertThat(TestConnections.value(c, "SELECT 7 * 6")).isEqualTo(42);
  }

  private static void readAll(ResultSet rs) throws SQLException {
    try (rs) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }

  /** Six artifacts tables joined: far more rows than any test waits for, all in the backend. */
  static final String ENDLESS = "SELECT COUNT(*) FROM artifacts a, artifacts b, artifacts c,"
      + " artifacts d, artifacts e, artifacts f WHERE a.id + b.id + c.id + d.id + e.id > f.id";

  /**
   * A query timeout stops the query in the backend (sqlite-jdbc's own timeout only bounds
   * waiting for locks); the statement and its connection work on afterwards.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  @Timeout(120) // a timeout that does not work fails here rather than hanging the build
  void aQueryTimeoutStopsTheQuery(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    assertThat(TestConnections.plan(c, ENDLESS)).startsWith("JdbcToEnumerableConverter");
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      assertThatThrownBy(() -> s.executeQuery(ENDLESS))
          .isInstanceOf(SQLTimeoutException.class).hasMessageContaining("timeout of 1 s")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("HYT00");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM artifact_types")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  /** Cancel from another thread stops the query in the backend; the statement works on. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  @Timeout(120)
  void cancelStopsTheQuery(Backend backend) throws Exception {
    Connection c = TestConnections.filled(backend);
    try (Statement s = c.createStatement()) {
      assertThatThrownBy(() -> whileCancelling(s, () -> s.executeQuery(ENDLESS)))
          .isInstanceOf(SQLException.class).hasMessageContaining("cancelled")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
      assertThat(TestConnections.rows(s.executeQuery("SELECT 1 + 1"))).containsExactly(
          List.of(2));
    }
  }

  /** Six artifacts tables crossed: rows without end, sent by the backend as they are made. */
  static final String ENDLESS_ROWS = "SELECT a.id FROM artifacts a, artifacts b, artifacts c,"
      + " artifacts d, artifacts e, artifacts f";

  /**
   * A result closed after its first rows stops the query rather than reading the rest (MySQL's
   * driver reads on to the end of a streamed result); the connections it held work on.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  @Timeout(120)
  void closingAResultEarlyStopsItsQuery(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    assertThat(TestConnections.plan(c, ENDLESS_ROWS)).startsWith("JdbcToEnumerableConverter");
    try (Statement s = c.createStatement()) {
      // More than the driver's pool of connections: none is kept by a stopped query.
      for (int i = 0; i < 6; i++) {
        try (ResultSet rs = s.executeQuery(ENDLESS_ROWS)) {
          for (int row = 0; row < 1000; row++) {
            assertThat(rs.next()).isTrue();
          }
        }
      }
      assertThat(TestConnections.rows(s.executeQuery("SELECT 1 + 1"))).containsExactly(
          List.of(2));
    }
  }

  /** Cancel while the rows are being read stops the query; the statement works on. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  @Timeout(120)
  void cancelStopsTheQueryWhileRowsAreRead(Backend backend) throws Exception {
    Connection c = TestConnections.filled(backend);
    try (Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery(ENDLESS_ROWS);
      assertThatThrownBy(() -> whileCancelling(s, () -> readAll(rs)))
          .isInstanceOf(SQLException.class).hasMessageContaining("cancelled")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
      assertThat(TestConnections.rows(s.executeQuery("SELECT 1 + 1"))).containsExactly(
          List.of(2));
    }
  }

  /** A query timeout also stops a query whose rows are being read. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  @Timeout(120)
  void aQueryTimeoutStopsTheQueryWhileRowsAreRead(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      ResultSet rs = s.executeQuery(ENDLESS_ROWS);
      assertThatThrownBy(() -> readAll(rs))
          .isInstanceOf(SQLTimeoutException.class).hasMessageContaining("timeout of 1 s")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("HYT00");
      try (ResultSet again = s.executeQuery("SELECT COUNT(*) FROM artifact_types")) {
        assertThat(again.next()).isTrue();
      }
    }
  }

  /** Runs {@code work} while another thread cancels {@code s} every 100 ms until it ends. */
  static void whileCancelling(Statement s, ThrowingRunnable work) throws Exception {
    AtomicBoolean over = new AtomicBoolean();
    Thread canceller = new Thread(() -> {
      while (!over.get()) {
        try {
          Thread.sleep(100);
          s.cancel();
        } catch (InterruptedException | SQLException e) {
          return;
        }
      }
    });
    canceller.start();
    try {
      work.run();
    } finally {
      over.set(true);
      canceller.join();
    }
  }

  /** Work that may throw. */
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void closedStatementsFailCleanly(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    Statement s = c.createStatement();
    ResultSet rs = s.executeQuery("SELECT id FROM artifacts");
    s.close();
    assertThat(s.isClosed()).isTrue();
    assertThat(rs.isClosed()).isTrue();
    assertThatThrownBy(() -> s.executeQuery("SELECT 1")).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55000");
    assertThatThrownBy(rs::next).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55000");
    s.close(); // a second close does nothing
  }
}
