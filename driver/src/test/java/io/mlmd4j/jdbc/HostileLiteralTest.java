package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.LqlResult;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.grammar.ast.StringLiteral;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.ListOperationOptions;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.testing.HostileLiterals;
import io.mlmd4j.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * String literals that have broken SQL built as text ({@link HostileLiterals}) mean themselves
 * on every backend: in SQL through the driver, in filter queries and in LQL. Each store holds one
 * artifact named after each literal (its URI the same), and a query for a literal finds that
 * artifact and no other.
 */
class HostileLiteralTest {

  private static final List<String> LITERALS = HostileLiterals.all();
  /** The file a literal's {@code INTO OUTFILE} would write on the (local) MySQL server. */
  private static final Path OUTFILE = Path.of("/tmp/mlmd4j-outfile");

  private static final Map<Backend, Connection> STORES = new EnumMap<>(Backend.class);

  /** A connection to the backend's store of hostile names, written on first use. */
  private static synchronized Connection store(Backend backend) throws SQLException {
    Connection c = STORES.get(backend);
    if (c == null) {
      c = DriverManager.getConnection(TestDatabases.freshStoreUrl(backend));
      MetadataStore store = c.unwrap(MetadataStore.class);
      long type = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("Hostile")).build()).getTypeId();
      PutArtifactsRequest.Builder put = PutArtifactsRequest.newBuilder().addArtifacts(
          Artifact.newBuilder().setTypeId(type).setName("decoy").setUri("decoy"));
      for (String literal : LITERALS) {
        put.addArtifacts(Artifact.newBuilder().setTypeId(type).setName(literal).setUri(literal));
      }
      store.putArtifacts(put.build());
      STORES.put(backend, c);
    }
    return c;
  }

  @AfterAll
  static void close() throws SQLException {
    for (Connection c : STORES.values()) {
      c.close();
    }
    STORES.clear();
  }

  /** The literal in SQL: quoted, its quotes doubled, every other character as it is. */
  private static String sql(String literal) {
    return "'" + literal.replace("'", "''") + "'";
  }

  /**
   * A literal compared with the name and URI finds its artifact only, and is itself where the
   * query returns it.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void sqlComparisonsFindTheNamedArtifactOnly(Backend backend) throws Exception {
    Files.deleteIfExists(OUTFILE);
    Connection c = store(backend);
    for (String literal : LITERALS) {
      String query = "SELECT name, uri || " + sql(literal) + " FROM artifacts WHERE name = "
          + sql(literal) + " AND uri = " + sql(literal);
      assertThat(TestConnections.rows(c, query)).as(query)
          .containsExactly(List.of(literal, literal + literal));
    }
    assertThat(OUTFILE).doesNotExist();
  }

  /** The literals as parameters of a prepared statement, bound by the backend's JDBC driver. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void parametersFindTheNamedArtifactOnly(Backend backend) throws SQLException {
    try (PreparedStatement p = store(backend).prepareStatement(
        "SELECT name FROM artifacts WHERE name = ? AND uri = ?")) {
      for (String literal : LITERALS) {
        p.setString(1, literal);
        p.setString(2, literal);
        assertThat(names(p)).as(literal).containsExactly(literal);
      }
    }
  }

  /** The query: {@code a\} as a name, then a quote that MySQL took as escaped. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void aBackslashDoesNotEscapeTheClosingQuote(Backend backend) throws SQLException {
    Connection c = store(backend);
    assertThat(names(c, "SELECT name FROM artifacts WHERE name = 'a\\' AND uri = ' OR 1=1 -- '"))
        .isEmpty();
    assertThat(names(c, "SELECT name FROM artifacts WHERE name = 'back\\slash'"))
        .containsExactly("back\\slash");
  }

  /**
   * LIKE without ESCAPE matches what it matches on SQLite, where no character escapes: with a
   * literal pattern and with a parameter. Patterns and names with a NUL are left out: SQLite's
   * LIKE ends both at a NUL ({@code '\'} matches a backslash and a NUL there).
   */
  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"FAKE", "MYSQL"})
  void likePatternsMatchWhatTheyMatchOnSqlite(Backend backend) throws SQLException {
    Connection c = store(backend);
    Connection sqlite = store(Backend.SQLITE);
    String parameter = "SELECT name FROM artifacts WHERE name LIKE ? ORDER BY id";
    try (PreparedStatement p = c.prepareStatement(parameter);
        PreparedStatement onSqlite = sqlite.prepareStatement(parameter)) {
      for (String literal : LITERALS) {
        if (literal.indexOf('\0') >= 0) {
          continue;
        }
        String query = "SELECT name FROM artifacts WHERE name LIKE " + sql(literal)
            + " ORDER BY id";
        assertThat(withoutNul(names(c, query))).as(query)
            .isEqualTo(withoutNul(names(sqlite, query))).contains(literal);
        p.setString(1, literal);
        onSqlite.setString(1, literal);
        assertThat(withoutNul(names(p))).as(literal).isEqualTo(withoutNul(names(onSqlite)));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void filterQueriesFindTheNamedArtifactOnly(Backend backend) throws SQLException {
    MetadataStore store = store(backend).unwrap(MetadataStore.class);
    for (String literal : LITERALS) {
      String quoted = new StringLiteral(literal).unparse();
      for (String filter : List.of("name = " + quoted,
          "name = " + quoted + " AND uri = " + quoted, "type = 'Hostile' AND name = " + quoted)) {
        assertThat(store.getArtifacts(GetArtifactsRequest.newBuilder()
                .setOptions(ListOperationOptions.newBuilder().setFilterQuery(filter)).build())
            .getArtifactsList()).as(filter).extracting(Artifact::getName)
            .containsExactly(literal);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void lqlFindsTheNamedArtifactOnly(Backend backend) throws SQLException {
    Connection c = store(backend);
    MetadataStore store = c.unwrap(MetadataStore.class);
    for (String literal : LITERALS) {
      String lql = "LINEAGE DOWNSTREAM OF ARTIFACTS WHERE name = "
          + new StringLiteral(literal).unparse() + " RETURN ARTIFACTS";
      List<String> reached = new ArrayList<>();
      for (LqlResult.Reached<Artifact> r : store.query(lql).artifacts("artifacts")) {
        reached.add(r.node().getName());
      }
      assertThat(reached).as(lql).containsExactly(literal);
      assertThat(names(c, lql)).as(lql).containsExactly(literal);
      assertThat(names(c, "SELECT a.name FROM TABLE(lineage(" + sql(lql) + ")) l"
          + " JOIN artifacts a ON a.id = l.artifact_id")).as(lql).containsExactly(literal);
    }
  }

  /** The values of the column {@code name} (the first, for LQL) of the rows a statement gives. */
  private static List<String> names(Connection c, String sql) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      for (List<Object> row : TestConnections.rows(s.executeQuery(sql))) {
        names.add((String) row.get(sql.startsWith("LINEAGE") ? 3 : 0));
      }
    }
    return names;
  }

  private static List<String> withoutNul(List<String> names) {
    return names.stream().filter(name -> name.indexOf('\0') < 0).toList();
  }

  private static List<String> names(PreparedStatement p) throws SQLException {
    List<String> names = new ArrayList<>();
    for (List<Object> row : TestConnections.rows(p.executeQuery())) {
      names.add((String) row.get(0));
    }
    return names;
  }
}
