package io.mlmd4j.jdbc.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/** {@link StatementCache} on a SQLite file. */
class StatementCacheTest {

  private static final String POINT = "SELECT name FROM t WHERE id = ?";

  private Connection connection;

  @BeforeEach
  void open() throws Exception {
    SQLiteDataSource sqlite = new SQLiteDataSource();
    sqlite.setUrl("jdbc:sqlite:" + TestDatabases.tempDir().resolve("cache.sqlite"));
    try (Connection c = sqlite.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
      s.executeUpdate("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, NULL)");
    }
    DataSource cached = StatementCache.over(sqlite);
    connection = cached.getConnection();
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private static List<String> names(PreparedStatement s) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static PreparedStatement backend(PreparedStatement s) throws SQLException {
    return s.unwrap(PreparedStatement.class);
  }

  @Test
  void reusesAStatementClosedAfterBindingAndExecuting() throws SQLException {
    PreparedStatement first = connection.prepareStatement(POINT);
    first.setLong(1, 1);
    assertThat(names(first)).containsExactly("a");
    PreparedStatement backend = backend(first);
    first.close();
    assertThat(first.isClosed()).isTrue();

    PreparedStatement second = connection.prepareStatement(POINT);
    assertThat(backend(second)).isSameAs(backend);
    second.setLong(1, 2);
    assertThat(names(second)).containsExactly("b");
    second.close();
  }

  @Test
  void aReusedStatementHasNoParametersBound() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(POINT)) {
      s.setLong(1, 1);
      assertThat(names(s)).containsExactly("a");
    }
    try (PreparedStatement s = connection.prepareStatement(POINT)) {
      // SQLite binds an unset parameter as NULL: no row.
      assertThat(names(s)).isEmpty();
    }
  }

  @Test
  void doesNotKeepAStatementWhoseSettingsChanged() throws SQLException {
    PreparedStatement first = connection.prepareStatement(POINT);
    first.setQueryTimeout(5);
    first.setLong(1, 1);
    assertThat(names(first)).containsExactly("a");
    PreparedStatement backend = backend(first);
    first.close();
    assertThat(backend.isClosed()).isTrue();

    try (PreparedStatement second = connection.prepareStatement(POINT)) {
      assertThat(backend(second)).isNotSameAs(backend);
      assertThat(second.getQueryTimeout()).isZero();
    }
  }

  @Test
  void twoOpenStatementsOfTheSameSqlAreIndependent() throws SQLException {
    try (PreparedStatement a = connection.prepareStatement(POINT);
        PreparedStatement b = connection.prepareStatement(POINT)) {
      assertThat(backend(a)).isNotSameAs(backend(b));
      a.setLong(1, 1);
      b.setLong(1, 2);
      try (ResultSet ra = a.executeQuery(); ResultSet rb = b.executeQuery()) {
        assertThat(ra.next()).isTrue();
        assertThat(rb.next()).isTrue();
        assertThat(ra.getString(1)).isEqualTo("a");
        assertThat(rb.getString(1)).isEqualTo("b");
      }
    }
  }

  @Test
  void aClosedStatementFailsCleanlyEvenOnceLentAgain() throws SQLException {
    PreparedStatement first = connection.prepareStatement(POINT);
    first.close();
    first.close();
    try (PreparedStatement second = connection.prepareStatement(POINT)) {
      assertThat(first.isClosed()).isTrue();
      assertThat(second.isClosed()).isFalse();
      assertThatThrownBy(() -> first.setLong(1, 1)).isInstanceOf(SQLException.class);
      assertThatThrownBy(first::executeQuery).isInstanceOf(SQLException.class);
      second.setLong(1, 2);
      assertThat(names(second)).containsExactly("b");
    }
  }

  @Test
  void closesTheLeastRecentlyUsedBeyondItsSizeAndAllWithTheConnection() throws SQLException {
    List<PreparedStatement> backends = new ArrayList<>();
    for (int i = 0; i <= StatementCache.SIZE; i++) {
      try (PreparedStatement s = connection.prepareStatement(POINT + " AND " + i + " = " + i)) {
        s.setLong(1, 1);
        assertThat(names(s)).containsExactly("a");
        backends.add(backend(s));
      }
    }
    assertThat(backends.get(0).isClosed()).isTrue();
    assertThat(backends.get(1).isClosed()).isFalse();
    connection.close();
    assertThat(backends).allSatisfy(s -> assertThat(s.isClosed()).isTrue());
  }

  @Test
  void aStatementEvictedWhileOpenStaysUsableUntilClosed() throws SQLException {
    PreparedStatement open = connection.prepareStatement(POINT);
    for (int i = 0; i < StatementCache.SIZE; i++) {
      connection.prepareStatement(POINT + " AND " + i + " = " + i).close();
    }
    open.setLong(1, 2);
    assertThat(names(open)).containsExactly("b");
    PreparedStatement backend = backend(open);
    open.close();
    assertThat(backend.isClosed()).isTrue();
  }

  @Test
  void statementsGiveTheirConnection() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(POINT)) {
      assertThat(s.getConnection()).isSameAs(connection);
    }
  }
}
