package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mlmd4j.connect.Backend;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PreparedStatement: parameters, re-execution, parameter metadata, errors. */
class PreparedStatementTest {

  /**
   * A prepared statement's timeout and cancel stop its query in the backend, each execution
   * anew.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  @Timeout(120)
  void timeoutAndCancelStopTheQuery(Backend backend) throws Exception {
    Connection c = TestConnections.filled(backend);
    try (PreparedStatement p = c.prepareStatement(StatementTest.ENDLESS + " + ?")) {
      p.setLong(1, 0);
      p.setQueryTimeout(1);
      assertThatThrownBy(p::executeQuery).isInstanceOf(SQLTimeoutException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("HYT00");
      p.setQueryTimeout(0);
      assertThatThrownBy(() -> StatementTest.whileCancelling(p, p::executeQuery))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
      // A new execution is not taken for cancelled: it runs until its own timeout.
      p.setQueryTimeout(1);
      assertThatThrownBy(p::executeQuery).isInstanceOf(SQLTimeoutException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void reExecutesWithNewParameters(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    try (PreparedStatement p = c.prepareStatement(
        "SELECT name, last_known_state FROM executions WHERE name = ? AND id > ?")) {
      for (int run = 1; run <= 3; run++) {
        String name = "taxi-run-0" + run + ".Trainer";
        p.setString(1, name);
        p.setLong(2, 0);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(TestConnections.rows(rs)).containsExactly(List.of(name, "COMPLETE"));
        }
      }
      p.setString(1, "α");
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void describesItsParameters(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    try (PreparedStatement p = c.prepareStatement(
        "SELECT id FROM artifacts WHERE id = ? AND name = ?")) {
      ParameterMetaData meta = p.getParameterMetaData();
      assertThat(meta.getParameterCount()).isEqualTo(2);
      assertThat(meta.getParameterType(1)).isEqualTo(Types.BIGINT);
      assertThat(meta.getParameterType(2)).isEqualTo(Types.VARCHAR);
      assertThat(p.getMetaData().getColumnName(1)).isEqualTo("id");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void preparingBadSqlFailsWithPosition(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    assertThatThrownBy(() -> c.prepareStatement("SELECT id FROM artifacts WHERE idd = ?"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("line 1, column 32")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void closedPreparedStatementsFailCleanly(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    PreparedStatement p = c.prepareStatement("SELECT id FROM artifacts WHERE id = ?");
    p.close();
    assertThatThrownBy(() -> p.setLong(1, 1)).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55000");
    assertThatThrownBy(p::executeQuery).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55000");
  }

  /**
   * Re-executing reads what a new statement reads, with the same metadata, query after query:
   * the backend statements the driver keeps between executions carry nothing over.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void reExecutionReadsAsANewStatementDoes(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    List<String> queries = List.of(
        "SELECT id, name, uri, state, create_time_since_epoch FROM artifacts WHERE id = ?",
        "SELECT a.type, COUNT(*) AS n FROM artifacts a JOIN events e ON e.artifact_id = a.id"
            + " WHERE a.id > ? GROUP BY a.type ORDER BY 2 DESC, 1",
        "SELECT name, int_value, double_value, string_value, bool_value"
            + " FROM artifact_properties WHERE artifact_id = ? ORDER BY name");
    List<Long> ids = new ArrayList<>();
    for (List<Object> row : TestConnections.rows(c, "SELECT id FROM artifacts ORDER BY id")) {
      ids.add((Long) row.get(0));
    }
    for (String sql : queries) {
      try (PreparedStatement reused = c.prepareStatement(sql)) {
        for (long id : List.of(ids.get(0), ids.get(ids.size() / 2), ids.get(0), -1L,
            ids.get(ids.size() - 1))) {
          reused.setLong(1, id);
          try (PreparedStatement fresh = c.prepareStatement(sql)) {
            fresh.setLong(1, id);
            try (ResultSet a = reused.executeQuery(); ResultSet b = fresh.executeQuery()) {
              assertThat(describe(a.getMetaData())).isEqualTo(describe(b.getMetaData()));
              assertThat(TestConnections.rows(a)).isEqualTo(TestConnections.rows(b));
            }
          }
        }
      }
    }
  }

  private static List<String> describe(ResultSetMetaData meta) throws SQLException {
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i) + " " + meta.getColumnType(i) + " "
          + meta.getColumnTypeName(i) + " " + meta.getColumnClassName(i) + " "
          + meta.isNullable(i) + " " + meta.getPrecision(i) + " " + meta.getScale(i));
    }
    return columns;
  }

  /**
   * The variables of an execution's context (time, user, locale) are Calcite's: a query that
   * reads them answers as on Calcite's own driver.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void executionVariablesAreCalcites(Backend backend) throws SQLException {
    String sql = "SELECT USER, SYSTEM_USER, CURRENT_TIMESTAMP, LOCALTIMESTAMP, CURRENT_DATE"
        + " FROM (VALUES (1), (2)) AS t (x) WHERE x = ?";
    Connection c = TestConnections.filled(backend);
    try (Connection calcite = DriverManager.getConnection("jdbc:calcite:");
        PreparedStatement ours = c.prepareStatement(sql);
        PreparedStatement theirs = calcite.prepareStatement(sql)) {
      ours.setInt(1, 2);
      theirs.setInt(1, 2);
      try (ResultSet a = ours.executeQuery(); ResultSet b = theirs.executeQuery()) {
        assertThat(a.next()).isTrue();
        assertThat(b.next()).isTrue();
        assertThat(a.getString(1)).isEqualTo(b.getString(1)).isEqualTo("sa");
        assertThat(a.getString(2)).isEqualTo(b.getString(2));
        assertThat(a.getTimestamp(3).getTime())
            .isCloseTo(b.getTimestamp(3).getTime(), within(60_000L));
        assertThat(a.getTimestamp(4).getTime())
            .isCloseTo(b.getTimestamp(4).getTime(), within(60_000L));
        assertThat(a.getTimestamp(3)).isEqualTo(a.getTimestamp(4));
        assertThat(a.getDate(5).toString()).isEqualTo(b.getDate(5).toString());
        assertThat(a.next()).isFalse();
      }
    }
  }
}
