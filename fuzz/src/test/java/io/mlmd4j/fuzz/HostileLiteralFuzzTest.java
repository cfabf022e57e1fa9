package io.mlmd4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.ListOperationOptions;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile string literals ({@link Hostile}: quotes, backslashes, injections, NUL, surrogates)
 * stored as an artifact's name and looked up again, by a filter query and by SQL, on fake and on
 * MySQL, whose backslash escapes make it the backend where a literal written carelessly into
 * SQL changes the query: each lookup must find exactly the artifact of that name (or fail
 * cleanly where the value cannot be stored).
 */
class HostileLiteralFuzzTest {

  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"FAKE", "MYSQL"})
  void aStoredNameIsFoundByItsLiteralAndNothingElse(Backend backend) throws Exception {
    try (Connection c = DriverManager.getConnection(TestDatabases.freshStoreUrl(backend))) {
      MetadataStore store = c.unwrap(MetadataStore.class);
      long type = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("Named")).build()).getTypeId();
      String target = "literal-" + backend.name().toLowerCase(Locale.ROOT);
      Function<String, Outcome> lookups = lookups(c, store, type);
      // Loads the planner and Calcite, which must not count as the first case's time.
      lookups.apply("warm-up");
      Fuzzer.Result result = new Fuzzer(target, 1_000_000, 6).run(HostileLiteralFuzzTest::name,
          lookups, KnownFailures.load());
      assertThat(result.unknown().size()).as(() -> Fuzzer.message(result)).isZero();
    }
  }

  /** The strings that break SQL written with MySQL's backslash escapes in mind or not. */
  private static final List<String> ESCAPES = Hostile.STRINGS.stream()
      .filter(s -> s.contains("\\") || s.contains("'")).toList();

  /**
   * A hostile string (half of them with backslashes or quotes), or two joined, never empty (an
   * empty name is no name in MLMD).
   */
  private static String name(Random r) {
    List<String> from = r.nextBoolean() ? ESCAPES : Hostile.STRINGS;
    String s = r.nextBoolean() ? Hostile.pick(r, from)
        : Hostile.pick(r, from) + Hostile.pick(r, Hostile.STRINGS);
    return s.isEmpty() ? "empty" : s;
  }

  /** What in {@code name} may have broken a lookup, for the failure's signature. */
  private static String traits(String name) {
    List<String> traits = new ArrayList<>();
    if (name.indexOf('\\') >= 0) {
      traits.add("a backslash");
    }
    if (name.indexOf('\'') >= 0 || name.indexOf('"') >= 0) {
      traits.add("a quote");
    }
    if (name.indexOf('\0') >= 0) {
      traits.add("NUL");
    }
    if (name.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)) {
      traits.add("a lone surrogate");
    }
    return traits.isEmpty() ? "(plain)" : "(with " + String.join(", ", traits) + ")";
  }

  private static Function<String, Outcome> lookups(Connection c, MetadataStore store,
      long type) {
    return name -> {
      List<Long> ids;
      try {
        ids = store.getArtifacts(GetArtifactsRequest.newBuilder().setOptions(
                ListOperationOptions.newBuilder()
                    .setFilterQuery("name = " + FilterGenerator.quote(name, '\'')))
            .build()).getArtifactsList().stream().map(Artifact::getId).toList();
        if (ids.isEmpty()) {
          ids = store.putArtifacts(PutArtifactsRequest.newBuilder()
              .addArtifacts(Artifact.newBuilder().setTypeId(type).setName(name)).build())
              .getArtifactIdsList();
        }
      } catch (RuntimeException e) {
        return Outcome.ofStoreError(e);
      }
      List<Long> found = new ArrayList<>();
      try {
        for (Artifact a : store.getArtifacts(GetArtifactsRequest.newBuilder().setOptions(
                ListOperationOptions.newBuilder()
                    .setFilterQuery("name = " + FilterGenerator.quote(name, '"')))
            .build()).getArtifactsList()) {
          if (!a.getName().equals(name)) {
            return Outcome.failure("a filter on a name " + traits(name)
                    + " found an artifact of another name",
                "found " + Texts.show(a.getName()));
          }
          found.add(a.getId());
        }
      } catch (RuntimeException e) {
        return Outcome.ofStoreError(e);
      }
      if (!found.equals(ids)) {
        return Outcome.failure("a filter on a stored name " + traits(name) + " did not find it",
            "expected ids " + ids + ", found " + found);
      }
      List<Long> bySql = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT id FROM artifacts WHERE name = " + SqlGenerator.literal(name))) {
        while (rs.next()) {
          bySql.add(rs.getLong(1));
        }
      } catch (SQLException | RuntimeException e) {
        return Outcome.ofSqlError(e);
      }
      return bySql.equals(ids) ? Outcome.CLEAN
          : Outcome.failure("SQL on a stored name " + traits(name) + " found other rows",
              "expected ids " + ids + ", found " + bySql);
    };
  }
}
