package io.mlmd4j.grammar;

import static io.mlmd4j.grammar.Trees.and;
import static io.mlmd4j.grammar.Trees.artifactState;
import static io.mlmd4j.grammar.Trees.artifacts;
import static io.mlmd4j.grammar.Trees.attr;
import static io.mlmd4j.grammar.Trees.b;
import static io.mlmd4j.grammar.Trees.d;
import static io.mlmd4j.grammar.Trees.eq;
import static io.mlmd4j.grammar.Trees.executionState;
import static io.mlmd4j.grammar.Trees.executions;
import static io.mlmd4j.grammar.Trees.i;
import static io.mlmd4j.grammar.Trees.in;
import static io.mlmd4j.grammar.Trees.neighbour;
import static io.mlmd4j.grammar.Trees.s;
import static io.mlmd4j.grammar.ast.Attribute.ID;
import static io.mlmd4j.grammar.ast.Attribute.LAST_KNOWN_STATE;
import static io.mlmd4j.grammar.ast.Attribute.NAME;
import static io.mlmd4j.grammar.ast.Attribute.STATE;
import static io.mlmd4j.grammar.ast.Attribute.TYPE;
import static io.mlmd4j.grammar.ast.Attribute.URI;
import static io.mlmd4j.grammar.ast.NeighbourKind.CONTEXTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.grammar.ast.CacheLookup;
import io.mlmd4j.grammar.ast.Direction;
import io.mlmd4j.grammar.ast.EventResult;
import io.mlmd4j.grammar.ast.GraphResult;
import io.mlmd4j.grammar.ast.LineageQuery;
import io.mlmd4j.grammar.ast.LqlStatement;
import io.mlmd4j.grammar.ast.NodeKind;
import io.mlmd4j.grammar.ast.NodeResult;
import io.mlmd4j.grammar.ast.PathResult;
import io.mlmd4j.grammar.ast.PropertyMatch;
import io.mlmd4j.grammar.ast.StopCondition;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LqlTest {

  @Test
  void theShortestQueryTakesEveryDefault() {
    assertThat(Lql.parse("LINEAGE OF ARTIFACTS WHERE uri = 'gs://data'"))
        .isEqualTo(new LineageQuery(Direction.BOTH,
            List.of(artifacts(eq(attr(URI), s("gs://data")))), OptionalInt.empty(), List.of(),
            List.of(new GraphResult("graph"))));
  }

  @Test
  void everyClauseAtOnce() {
    LqlStatement statement = Lql.parse("""
        LINEAGE UPSTREAM OF ARTIFACTS WHERE type = 'Model' AND state = LIVE
          MAX HOPS 6
          STOP AT EXECUTIONS WHERE type = 'Importer' INCLUSIVE,
                  ARTIFACTS WHERE uri LIKE 'gs://raw/%'
          RETURN ARTIFACTS WHERE type = 'Examples' AS inputs, EXECUTIONS, EVENTS,
                 GRAPH AS everything, PATHS TO ARTIFACTS WHERE type = 'Examples'
        """);
    assertThat(statement).isEqualTo(new LineageQuery(Direction.UPSTREAM,
        List.of(artifacts(and(eq(attr(TYPE), s("Model")), eq(attr(STATE),
            artifactState("LIVE"))))),
        OptionalInt.of(6),
        List.of(new StopCondition(executions(eq(attr(TYPE), s("Importer"))), true),
            new StopCondition(artifacts(Trees.like(attr(URI), "gs://raw/%")), false)),
        List.of(
            new NodeResult(NodeKind.ARTIFACT,
                Optional.of(artifacts(eq(attr(TYPE), s("Examples")))), "inputs"),
            new NodeResult(NodeKind.EXECUTION, Optional.empty(), "executions"),
            new EventResult("events"),
            new GraphResult("everything"),
            new PathResult(Optional.of(NodeKind.ARTIFACT),
                Optional.of(artifacts(eq(attr(TYPE), s("Examples")))), "paths"))));
  }

  @ParameterizedTest
  @CsvSource({"UPSTREAM,UPSTREAM", "downstream,DOWNSTREAM", "Both,BOTH"})
  void directions(String written, Direction direction) {
    LineageQuery query = (LineageQuery) Lql.parse(
        "lineage " + written + " of executions where id = 1");
    assertThat(query.direction()).isEqualTo(direction);
  }

  @Test
  void keywordsIgnoreCase() {
    assertThat(Lql.parse("lineage downstream Of artifacts wHeRe id = 1 max hops 2 "
        + "stop at executions where id = 2 inclusive return artifacts as a, graph;"))
        .isEqualTo(Lql.parse("LINEAGE DOWNSTREAM OF ARTIFACTS WHERE id = 1 MAX HOPS 2 "
            + "STOP AT EXECUTIONS WHERE id = 2 INCLUSIVE RETURN ARTIFACTS AS a, GRAPH"));
  }

  @Test
  void severalStartSetsOfEitherKind() {
    LineageQuery query = (LineageQuery) Lql.parse("LINEAGE OF ARTIFACTS WHERE id IN (1, 2), "
        + "EXECUTIONS WHERE contexts_run.name = 'run-7', ARTIFACTS WHERE name = 'x'");
    assertThat(query.startSets()).containsExactly(
        artifacts(in(attr(ID), i(1), i(2))),
        executions(eq(neighbour(CONTEXTS, "run", NAME), s("run-7"))),
        artifacts(eq(attr(NAME), s("x"))));
  }

  @Test
  void maxHopsMayBeZero() {
    assertThat(((LineageQuery) Lql.parse("LINEAGE OF ARTIFACTS WHERE id = 1 MAX HOPS 0"))
        .maxHops()).isEqualTo(OptionalInt.of(0));
  }

  @Test
  void resultsAreNamedByKeywordOrAs() {
    LineageQuery query = (LineageQuery) Lql.parse("LINEAGE OF ARTIFACTS WHERE id = 1 RETURN "
        + "ARTIFACTS, EXECUTIONS WHERE last_known_state = COMPLETE AS done, EVENTS AS e, PATHS, "
        + "GRAPH AS `the graph`");
    assertThat(query.results()).extracting(r -> r.name())
        .containsExactly("artifacts", "done", "e", "paths", "the graph");
    assertThat(query.results().get(1)).isEqualTo(new NodeResult(NodeKind.EXECUTION,
        Optional.of(executions(eq(attr(LAST_KNOWN_STATE), executionState("COMPLETE")))),
        "done"));
  }

  @Test
  void pathsMayNameTheirTarget() {
    assertThat(((LineageQuery) Lql.parse(
        "LINEAGE OF ARTIFACTS WHERE id = 1 RETURN PATHS TO EXECUTIONS")).results())
        .containsExactly(new PathResult(Optional.of(NodeKind.EXECUTION), Optional.empty(),
            "paths"));
    assertThat(((LineageQuery) Lql.parse(
        "LINEAGE OF ARTIFACTS WHERE id = 1 RETURN PATHS")).results())
        .containsExactly(new PathResult(Optional.empty(), Optional.empty(), "paths"));
  }

  @Test
  void filtersAreCheckedForTheirNodeKind() {
    assertError("LINEAGE OF EXECUTIONS WHERE uri = 'x'", 1, 29, "unknown attribute 'uri'");
    assertError("LINEAGE OF ARTIFACTS WHERE id = 1\nSTOP AT ARTIFACTS WHERE last_known_state = "
        + "FAILED", 2, 25, "unknown attribute 'last_known_state'");
    assertError("LINEAGE OF ARTIFACTS WHERE id = 1 RETURN EXECUTIONS WHERE state = LIVE", 1, 59,
        "unknown attribute 'state'");
    assertError("LINEAGE OF ARTIFACTS WHERE id = 1 RETURN PATHS TO ARTIFACTS WHERE "
        + "last_known_state = 1", 1, 67, "unknown attribute 'last_known_state'");
    assertError("LINEAGE OF ARTIFACTS WHERE name", 1, 28,
        "a filter needs a boolean expression, not a string");
  }

  @Test
  void lqlKeywordsStayUsableInFilters() {
    assertThat(((LineageQuery) Lql.parse("LINEAGE OF EXECUTIONS WHERE type = 'Trainer' AND "
        + "last_known_state = CACHED AND contexts_return.name = 'max' RETURN EXECUTIONS"))
        .startSets())
        .containsExactly(executions(and(eq(attr(TYPE), s("Trainer")),
            eq(attr(LAST_KNOWN_STATE), executionState("CACHED")),
            eq(neighbour(CONTEXTS, "return", NAME), s("max")))));
  }

  @Test
  void errorsSayWhereAndWhatWasExpected() {
    assertError("SELECT * FROM Artifact", 1, 1, "unexpected 'SELECT'", "CACHED", "LINEAGE");
    assertError("LINEAGE sideways OF ARTIFACTS WHERE id = 1", 1, 9, "unexpected 'sideways'",
        "BOTH", "DOWNSTREAM", "OF", "UPSTREAM");
    assertError("LINEAGE OF CONTEXTS WHERE id = 1", 1, 12, "unexpected 'CONTEXTS'", "ARTIFACTS",
        "EXECUTIONS");
    assertError("LINEAGE OF ARTIFACTS", 1, 21, "unexpected end of input", "WHERE");
    assertError("LINEAGE OF ARTIFACTS WHERE id = 1 MAX HOPS -1", 1, 44, "unexpected '-'",
        "an integer");
    assertError("LINEAGE OF ARTIFACTS WHERE id = 1 MAX HOPS 2147483648", 1, 44,
        "MAX HOPS is at most 2147483647");
    assertError("LINEAGE OF ARTIFACTS WHERE id = 1\n  RETRUN GRAPH", 2, 3,
        "unexpected 'RETRUN'", "MAX", "RETURN", "STOP", "';'", "AND", "OR", "'+'", "'-'",
        "'*'", "'/'", "','", "end of input");
    assertError("LINEAGE OF ARTIFACTS WHERE id = 1 RETURN GRAPH MAX HOPS 2", 1, 48,
        "unexpected 'MAX'", "AS", "';'", "','", "end of input");
    assertError("LINEAGE OF ARTIFACTS WHERE id = 1 RETURN EVENTS WHERE id = 1", 1, 49,
        "unexpected 'WHERE'");
    assertError("LINEAGE OF ARTIFACTS WHERE id = 1 STOP AT ARTIFACTS id = 2", 1, 53,
        "unexpected 'id'", "WHERE");
    assertError("LINEAGE OF ARTIFACTS WHERE id = 1; LINEAGE OF ARTIFACTS WHERE id = 2", 1, 36,
        "unexpected 'LINEAGE'", "end of input");
    assertError("LINEAGE OF ARTIFACTS WHERE name = 'a", 1, 35, "unterminated string literal");
  }

  @Test
  void resultNamesMustDiffer() {
    assertError("LINEAGE OF ARTIFACTS WHERE id = 1 RETURN ARTIFACTS WHERE id = 1, ARTIFACTS",
        1, 66, "a second result named 'artifacts'; name it with AS <name>");
    assertError("LINEAGE OF ARTIFACTS WHERE id = 1 RETURN ARTIFACTS AS x, GRAPH AS X", 1, 67,
        "a second result named 'X'; name it with AS <name>");
  }

  @Test
  void cacheLookupWithEveryPart() {
    assertThat(Lql.parse("""
        CACHED EXECUTIONS OF TYPE 'tfx.components.Trainer' VERSION '1.2'
          WITH INPUTS (12, 15)
          MATCHING PROPERTIES (train_steps = 1000, learning_rate = 0.01, warm = false,
                               `module file` = 'trainer.py', offset = -3)
          WHERE last_known_state IN (COMPLETE, CACHED);
        """))
        .isEqualTo(new CacheLookup("tfx.components.Trainer", Optional.of("1.2"),
            List.of(12L, 15L),
            List.of(new PropertyMatch("train_steps", i(1000)),
                new PropertyMatch("learning_rate", d(0.01)),
                new PropertyMatch("warm", b(false)),
                new PropertyMatch("module file", s("trainer.py")),
                new PropertyMatch("offset", i(-3))),
            Optional.of(executions(in(attr(LAST_KNOWN_STATE), executionState("COMPLETE"),
                executionState("CACHED"))))));
  }

  @Test
  void cacheLookupOfAStepWithoutInputs() {
    assertThat(Lql.parse("cached executions of type ExampleGen with inputs ()"))
        .isEqualTo(new CacheLookup("ExampleGen", Optional.empty(), List.of(), List.of(),
            Optional.empty()));
  }

  @Test
  void cacheLookupErrors() {
    assertError("CACHED EXECUTIONS OF TYPE 'T' WITH INPUTS (1, 2, 1)", 1, 50,
        "input artifact 1 is listed twice");
    assertError("CACHED EXECUTIONS OF TYPE 'T' WITH INPUTS (1) MATCHING PROPERTIES (a = 1, "
        + "b = 2, a = 'x')", 1, 82, "property 'a' is matched twice");
    assertError("CACHED EXECUTIONS OF TYPE 'T' WITH INPUTS (1) MATCHING PROPERTIES ()", 1, 68,
        "unexpected ')'", "a name");
    assertError("CACHED EXECUTIONS OF TYPE 'T' WITH INPUTS (1) MATCHING PROPERTIES (a = LIVE)",
        1, 72, "unexpected 'LIVE'");
    assertError("CACHED EXECUTIONS OF TYPE 'T' WITH INPUTS (1) WHERE uri = 'x'", 1, 53,
        "unknown attribute 'uri'");
    assertError("CACHED ARTIFACTS OF TYPE 'T' WITH INPUTS (1)", 1, 8, "unexpected 'ARTIFACTS'",
        "EXECUTIONS");
    assertError("CACHED EXECUTIONS OF TYPE 'T'", 1, 30, "unexpected end of input", "VERSION",
        "WITH");
  }

  private static void assertError(String text, int line, int column, String reason,
      String... expected) {
    QuerySyntaxException e = null;
    try {
      Lql.parse(text);
    } catch (QuerySyntaxException thrown) {
      e = thrown;
    }
    assertThat(e).as("error parsing %s", text).isNotNull();
    assertThat(e.reason()).as(text).isEqualTo(reason);
    assertThat(e.line()).as("line of %s", text).isEqualTo(line);
    assertThat(e.column()).as("column of %s", text).isEqualTo(column);
    if (expected.length > 0) {
      assertThat(e.expected()).as("expected at %s", text).containsExactly(expected);
    }
  }
}
