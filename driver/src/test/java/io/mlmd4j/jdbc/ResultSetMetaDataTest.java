package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.connect.Backend;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ResultSetMetaData: the logical schema's types, the same on every backend. */
class ResultSetMetaDataTest {

  @ParameterizedTest
  @EnumSource(Backend.class)
  void columnsHaveTheLogicalTypes(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT a.id, a.state, a.create_time_since_epoch, p.is_custom_property,"
            + " p.double_value, p.int_value, p.string_value"
            + " FROM artifacts a JOIN artifact_properties p ON p.artifact_id = a.id")) {
      ResultSetMetaData m = rs.getMetaData();
      assertThat(m.getColumnCount()).isEqualTo(7);
      int[] types = {Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.BOOLEAN, Types.DOUBLE,
          Types.BIGINT, Types.VARCHAR};
      String[] names = {"BIGINT", "VARCHAR", "BIGINT", "BOOLEAN", "DOUBLE", "BIGINT", "VARCHAR"};
      for (int i = 1; i <= types.length; i++) {
        assertThat(m.getColumnType(i)).as("column %d", i).isEqualTo(types[i - 1]);
        assertThat(m.getColumnTypeName(i)).as("column %d", i).isEqualTo(names[i - 1]);
      }
      assertThat(m.getColumnLabel(2)).isEqualTo("state");
      assertThat(m.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
      assertThat(m.isNullable(2)).isEqualTo(ResultSetMetaData.columnNullable);
      assertThat(m.getColumnClassName(1)).isEqualTo(Long.class.getName());
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isInstanceOf(Long.class);
      assertThat(rs.getObject(4)).isInstanceOf(Boolean.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void labelsFollowAliasesFoldedToLowerCase(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT COUNT(*) AS Total, MAX(id) AS \"Highest\" FROM artifacts")) {
      ResultSetMetaData m = rs.getMetaData();
      assertThat(m.getColumnLabel(1)).isEqualTo("total");
      assertThat(m.getColumnLabel(2)).isEqualTo("Highest");
    }
  }
}
