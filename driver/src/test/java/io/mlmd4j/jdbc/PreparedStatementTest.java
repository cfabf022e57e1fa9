package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.connect.Backend;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PreparedStatement: parameters, re-execution, parameter metadata, errors. */
class PreparedStatementTest {

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
}
