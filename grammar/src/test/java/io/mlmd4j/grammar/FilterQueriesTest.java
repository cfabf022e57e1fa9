package io.mlmd4j.grammar;

import static io.mlmd4j.grammar.Trees.and;
import static io.mlmd4j.grammar.Trees.artifactState;
import static io.mlmd4j.grammar.Trees.attr;
import static io.mlmd4j.grammar.Trees.b;
import static io.mlmd4j.grammar.Trees.customProperty;
import static io.mlmd4j.grammar.Trees.d;
import static io.mlmd4j.grammar.Trees.divide;
import static io.mlmd4j.grammar.Trees.eq;
import static io.mlmd4j.grammar.Trees.eventType;
import static io.mlmd4j.grammar.Trees.executionState;
import static io.mlmd4j.grammar.Trees.ge;
import static io.mlmd4j.grammar.Trees.gt;
import static io.mlmd4j.grammar.Trees.i;
import static io.mlmd4j.grammar.Trees.in;
import static io.mlmd4j.grammar.Trees.isNotNull;
import static io.mlmd4j.grammar.Trees.isNull;
import static io.mlmd4j.grammar.Trees.le;
import static io.mlmd4j.grammar.Trees.like;
import static io.mlmd4j.grammar.Trees.lt;
import static io.mlmd4j.grammar.Trees.minus;
import static io.mlmd4j.grammar.Trees.ne;
import static io.mlmd4j.grammar.Trees.negate;
import static io.mlmd4j.grammar.Trees.neighbour;
import static io.mlmd4j.grammar.Trees.not;
import static io.mlmd4j.grammar.Trees.notIn;
import static io.mlmd4j.grammar.Trees.or;
import static io.mlmd4j.grammar.Trees.plus;
import static io.mlmd4j.grammar.Trees.property;
import static io.mlmd4j.grammar.Trees.s;
import static io.mlmd4j.grammar.Trees.times;
import static io.mlmd4j.grammar.ast.Attribute.ARTIFACT_ID;
import static io.mlmd4j.grammar.ast.Attribute.CREATE_TIME_SINCE_EPOCH;
import static io.mlmd4j.grammar.ast.Attribute.EVENT_TYPE;
import static io.mlmd4j.grammar.ast.Attribute.EXECUTION_ID;
import static io.mlmd4j.grammar.ast.Attribute.EXTERNAL_ID;
import static io.mlmd4j.grammar.ast.Attribute.ID;
import static io.mlmd4j.grammar.ast.Attribute.LAST_KNOWN_STATE;
import static io.mlmd4j.grammar.ast.Attribute.LAST_UPDATE_TIME_SINCE_EPOCH;
import static io.mlmd4j.grammar.ast.Attribute.MILLISECONDS_SINCE_EPOCH;
import static io.mlmd4j.grammar.ast.Attribute.NAME;
import static io.mlmd4j.grammar.ast.Attribute.STATE;
import static io.mlmd4j.grammar.ast.Attribute.TYPE;
import static io.mlmd4j.grammar.ast.Attribute.TYPE_ID;
import static io.mlmd4j.grammar.ast.Attribute.URI;
import static io.mlmd4j.grammar.ast.NeighbourKind.ARTIFACTS;
import static io.mlmd4j.grammar.ast.NeighbourKind.CHILD_CONTEXTS;
import static io.mlmd4j.grammar.ast.NeighbourKind.CONTEXTS;
import static io.mlmd4j.grammar.ast.NeighbourKind.EVENTS;
import static io.mlmd4j.grammar.ast.NeighbourKind.EXECUTIONS;
import static io.mlmd4j.grammar.ast.NeighbourKind.PARENT_CONTEXTS;
import static io.mlmd4j.grammar.ast.NodeKind.ARTIFACT;
import static io.mlmd4j.grammar.ast.NodeKind.CONTEXT;
import static io.mlmd4j.grammar.ast.NodeKind.EXECUTION;
import static io.mlmd4j.grammar.ast.ValueField.BOOL_VALUE;
import static io.mlmd4j.grammar.ast.ValueField.DOUBLE_VALUE;
import static io.mlmd4j.grammar.ast.ValueField.INT_VALUE;
import static io.mlmd4j.grammar.ast.ValueField.STRING_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.grammar.ast.EnumLiteral;
import io.mlmd4j.grammar.ast.Expression;
import io.mlmd4j.grammar.ast.Filter;
import io.mlmd4j.grammar.ast.NodeKind;
import io.mlmd4j.grammar.ast.ValueType;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FilterQueriesTest {

  private static final Set<NodeKind> ALL = EnumSet.allOf(NodeKind.class);
  private static final Set<NodeKind> NODES = EnumSet.of(ARTIFACT, EXECUTION);

  /** Every example of the spec's §5.1 and §5.4, on every kind of node it applies to. */
  static Stream<Arguments> mlmdExamples() {
    return Stream.of(
        example(ALL, "id != 1", ne(attr(ID), i(1))),
        example(ALL, "id IN (1, 3)", in(attr(ID), i(1), i(3))),
        example(ALL, "type_id = 5", eq(attr(TYPE_ID), i(5))),
        example(ALL, "type = 'my_type_name'", eq(attr(TYPE), s("my_type_name"))),
        example(ALL, "name = 'foo'", eq(attr(NAME), s("foo"))),
        example(ALL, "type = 'bar' AND name LIKE 'foo%'",
            and(eq(attr(TYPE), s("bar")), like(attr(NAME), "foo%"))),
        example(ALL, "external_id = 'my_external_id'",
            eq(attr(EXTERNAL_ID), s("my_external_id"))),
        example(ALL, "NOT(create_time_since_epoch < 1 OR last_update_time_since_epoch < 1)",
            not(or(lt(attr(CREATE_TIME_SINCE_EPOCH), i(1)),
                lt(attr(LAST_UPDATE_TIME_SINCE_EPOCH), i(1))))),
        example(Set.of(ARTIFACT), "uri = 'exact_path_string'",
            eq(attr(URI), s("exact_path_string"))),
        example(Set.of(ARTIFACT), "uri LIKE 'path_like_this%'",
            like(attr(URI), "path_like_this%")),
        example(Set.of(ARTIFACT), "uri IS NOT NULL", isNotNull(attr(URI))),
        example(Set.of(ARTIFACT), "state = LIVE", eq(attr(STATE), artifactState("LIVE"))),
        example(Set.of(ARTIFACT), "state IS NULL", isNull(attr(STATE))),
        example(Set.of(ARTIFACT), "state IN (PENDING, LIVE)",
            in(attr(STATE), artifactState("PENDING"), artifactState("LIVE"))),
        example(Set.of(EXECUTION), "last_known_state != RUNNING",
            ne(attr(LAST_KNOWN_STATE), executionState("RUNNING"))),
        example(Set.of(EXECUTION), "last_known_state NOT IN (FAILED, CANCELED)",
            notIn(attr(LAST_KNOWN_STATE), executionState("FAILED"),
                executionState("CANCELED"))),
        example(NODES, "contexts_a.id = 5", eq(neighbour(CONTEXTS, "a", ID), i(5))),
        example(NODES, "contexts_a.type = 'RunContext'",
            eq(neighbour(CONTEXTS, "a", TYPE), s("RunContext"))),
        example(NODES, "contexts_a.name = 'my_run' AND contexts_b.name = 'my_pipeline'",
            and(eq(neighbour(CONTEXTS, "a", NAME), s("my_run")),
                eq(neighbour(CONTEXTS, "b", NAME), s("my_pipeline")))),
        example(Set.of(CONTEXT), "artifacts_a.state IN (PENDING, LIVE)",
            in(neighbour(ARTIFACTS, "a", STATE), artifactState("PENDING"),
                artifactState("LIVE"))),
        example(Set.of(CONTEXT), "executions_a.last_known_state = RUNNING",
            eq(neighbour(EXECUTIONS, "a", LAST_KNOWN_STATE), executionState("RUNNING"))),
        example(ALL, "properties.accuracy.double_value > 0.95",
            gt(property("accuracy", DOUBLE_VALUE), d(0.95))),
        example(ALL, "custom_properties.my_param.string_value = \"foo\"",
            eq(customProperty("my_param", STRING_VALUE), s("foo"))),
        example(ALL, "properties.`my property`.int_value > 0",
            gt(property("my property", INT_VALUE), i(0))),
        example(ALL, "custom_properties.`my:custom.property`.bool_value = true",
            eq(customProperty("my:custom.property", BOOL_VALUE), b(true))),
        example(NODES, "type = 'DataSet' AND (contexts_a.type = 'RunContext' AND "
                + "contexts_a.name = 'my_run') AND (properties.span.int_value = 1 OR "
                + "custom_properties.span.int_value = 1)",
            and(eq(attr(TYPE), s("DataSet")),
                and(eq(neighbour(CONTEXTS, "a", TYPE), s("RunContext")),
                    eq(neighbour(CONTEXTS, "a", NAME), s("my_run"))),
                or(eq(property("span", INT_VALUE), i(1)),
                    eq(customProperty("span", INT_VALUE), i(1))))),
        example(Set.of(CONTEXT), "parent_contexts_a.id = 5",
            eq(neighbour(PARENT_CONTEXTS, "a", ID), i(5))),
        example(Set.of(CONTEXT), "child_contexts_a.type = 'RunContext'",
            eq(neighbour(CHILD_CONTEXTS, "a", TYPE), s("RunContext"))),
        example(Set.of(ARTIFACT), "events_0.execution_id = 1",
            eq(neighbour(EVENTS, "0", EXECUTION_ID), i(1))),
        example(Set.of(EXECUTION), "events_0.artifact_id = 1",
            eq(neighbour(EVENTS, "0", ARTIFACT_ID), i(1))),
        example(NODES, "events_0.type = INPUT",
            eq(neighbour(EVENTS, "0", EVENT_TYPE), eventType("INPUT"))),
        example(NODES, "events_0.type IN (INPUT, INTERNAL_INPUT)",
            in(neighbour(EVENTS, "0", EVENT_TYPE), eventType("INPUT"),
                eventType("INTERNAL_INPUT"))),
        example(NODES, "events_0.milliseconds_since_epoch = 1",
            eq(neighbour(EVENTS, "0", MILLISECONDS_SINCE_EPOCH), i(1))),
        example(ALL, "custom_properties.p.int_value < 21 AND name LIKE 'node_2%'",
            and(lt(customProperty("p", INT_VALUE), i(21)), like(attr(NAME), "node_2%"))),
        example(ALL, "custom_properties.x.int_value IS NULL AND "
                + "custom_properties.x.string_value = 'foo'",
            and(isNull(customProperty("x", INT_VALUE)),
                eq(customProperty("x", STRING_VALUE), s("foo")))),
        example(NODES, "(contexts_0.type = 'context_type') AND "
                + "(contexts_0.name = 'properties.component.component')",
            and(eq(neighbour(CONTEXTS, "0", TYPE), s("context_type")),
                eq(neighbour(CONTEXTS, "0", NAME), s("properties.component.component")))),
        example(Set.of(CONTEXT),
            "parent_contexts_c.type = 'p' AND custom_properties.cp.string_value = 'foo'",
            and(eq(neighbour(PARENT_CONTEXTS, "c", TYPE), s("p")),
                eq(customProperty("cp", STRING_VALUE), s("foo")))),
        example(Set.of(CONTEXT), "executions_c.id = 1 and artifacts_a.id = 2",
            and(eq(neighbour(EXECUTIONS, "c", ID), i(1)),
                eq(neighbour(ARTIFACTS, "a", ID), i(2)))),
        example(ALL, "(properties.p1.int_value + 2) * 1 = 2",
            eq(times(plus(property("p1", INT_VALUE), i(2)), i(1)), i(2))),
        example(ALL, "properties.p2.double_value > 2.0 / 1.0 - (-0.5)",
            gt(property("p2", DOUBLE_VALUE), minus(divide(d(2.0), d(1.0)), d(-0.5)))),
        example(ALL, "name = \"exe_name_with_'\"", eq(attr(NAME), s("exe_name_with_'"))),
        example(NODES, "contexts_1.name = \"context_name_with_'\" AND name = \"exe_name_with_'\"",
            and(eq(neighbour(CONTEXTS, "1", NAME), s("context_name_with_'")),
                eq(attr(NAME), s("exe_name_with_'")))));
  }

  private static Arguments example(Set<NodeKind> kinds, String text, Expression expected) {
    return Arguments.of(text, kinds, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mlmdExamples")
  void parsesEveryMlmdExampleToItsTree(String text, Set<NodeKind> kinds, Expression expected) {
    for (NodeKind kind : kinds) {
      assertThat(FilterQueries.parse(text, kind)).isEqualTo(new Filter(kind, expected));
    }
  }

  @Test
  void enumNamesBecomeMlmdNumbers() {
    assertThat(enumValue("state = LIVE", ARTIFACT).number()).isEqualTo(2);
    assertThat(enumValue("state = MARKED_FOR_DELETION", ARTIFACT).number()).isEqualTo(3);
    assertThat(enumValue("last_known_state = CACHED", EXECUTION).number()).isEqualTo(5);
    assertThat(enumValue("last_known_state = CANCELED", EXECUTION).number()).isEqualTo(6);
    assertThat(enumValue("events_e.type = INPUT", ARTIFACT).number()).isEqualTo(3);
    assertThat(enumValue("events_e.type = DECLARED_OUTPUT", EXECUTION).number()).isEqualTo(1);
    assertThat(enumValue("artifacts_a.state = DELETED", CONTEXT).number()).isEqualTo(4);
    assertThat(enumValue("executions_a.last_known_state = NEW", CONTEXT).number()).isEqualTo(1);
  }

  private static EnumLiteral enumValue(String text, NodeKind kind) {
    Expression condition = FilterQueries.parse(text, kind).condition();
    return (EnumLiteral) ((io.mlmd4j.grammar.ast.Comparison) condition).right();
  }

  /** The cases of the spec's §10 where MLMD fails and mlmd4j does the obvious thing. */
  static Stream<Arguments> mlmdFailures() {
    return Stream.of(
        example(Set.of(CONTEXT), "artifacts_x.external_id = 'e'",
            eq(neighbour(ARTIFACTS, "x", EXTERNAL_ID), s("e"))),
        example(Set.of(CONTEXT), "executions_x.external_id = 'e'",
            eq(neighbour(EXECUTIONS, "x", EXTERNAL_ID), s("e"))),
        example(Set.of(CONTEXT), "parent_contexts_x.create_time_since_epoch > 0",
            gt(neighbour(PARENT_CONTEXTS, "x", CREATE_TIME_SINCE_EPOCH), i(0))),
        example(Set.of(CONTEXT), "child_contexts_x.last_update_time_since_epoch <= 7",
            le(neighbour(CHILD_CONTEXTS, "x", LAST_UPDATE_TIME_SINCE_EPOCH), i(7))),
        example(NODES, "contexts_x.type_id = 3 AND contexts_x.external_id = 'run'",
            and(eq(neighbour(CONTEXTS, "x", TYPE_ID), i(3)),
                eq(neighbour(CONTEXTS, "x", EXTERNAL_ID), s("run")))),
        example(Set.of(ARTIFACT), "state IN (ABANDONED, REFERENCE)",
            in(attr(STATE), artifactState("ABANDONED"), artifactState("REFERENCE"))),
        example(NODES, "events_0.type = PENDING_OUTPUT",
            eq(neighbour(EVENTS, "0", EVENT_TYPE), eventType("PENDING_OUTPUT"))),
        example(NODES, "events_0.type != UNKNOWN",
            ne(neighbour(EVENTS, "0", EVENT_TYPE), eventType("UNKNOWN"))),
        // MLMD rewrites enum names only after = and != and only to the right of the attribute.
        example(Set.of(ARTIFACT), "state <> LIVE", ne(attr(STATE), artifactState("LIVE"))),
        example(Set.of(ARTIFACT), "LIVE = state", eq(artifactState("LIVE"), attr(STATE))),
        example(Set.of(EXECUTION), "last_known_state >= COMPLETE",
            ge(attr(LAST_KNOWN_STATE), executionState("COMPLETE"))),
        // MLMD's regular expressions find 'state IN (' inside strings and rewrite them.
        example(Set.of(ARTIFACT), "name = 'state IN (LIVE)' AND uri = 'contexts_a.id'",
            and(eq(attr(NAME), s("state IN (LIVE)")), eq(attr(URI), s("contexts_a.id")))),
        example(ALL, "name = \"custom_properties.x.int_value\"",
            eq(attr(NAME), s("custom_properties.x.int_value"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mlmdFailures")
  void parsesWhatMlmdGetsWrong(String text, Set<NodeKind> kinds, Expression expected) {
    for (NodeKind kind : kinds) {
      assertThat(FilterQueries.parse(text, kind)).isEqualTo(new Filter(kind, expected));
    }
  }

  @ParameterizedTest
  @EnumSource(NodeKind.class)
  void rejectsMlmdsInvalidExamplesWithTheirPosition(NodeKind kind) {
    assertError("invalid syntax", kind, 1, 9, "unexpected 'syntax'", "AND", "OR", "NOT", "IN",
        "LIKE", "IS", "'='", "'!='", "'<>'", "'<='", "'>='", "'<'", "'>'", "'+'", "'-'", "'*'",
        "'/'", "'.'", "end of input");
    assertError("unknown_field = 'x'", kind, 1, 1, "unknown attribute 'unknown_field'");
    assertError("name = 'exe_name_with_''", kind, 1, 24, "unterminated string literal");
    assertError("type = 'DataSet' AND properties.span = 1", kind, 1, 22,
        "a property is read as properties.<name>.<field>");
  }

  @Test
  void unknownAttributeListsWhatTheNodeKindHas() {
    assertThatThrownBy(() -> FilterQueries.parse("name = 'a' OR\n  unknown_field = 'x'",
        EXECUTION))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessage("line 2:3: unknown attribute 'unknown_field'; expected one of id, type_id,"
            + " type, name, external_id, create_time_since_epoch, last_update_time_since_epoch,"
            + " last_known_state, properties.<name>.<field>, custom_properties.<name>.<field>,"
            + " contexts_<alias>.<field>, events_<alias>.<field>");
  }

  @Test
  void neighboursAreCheckedAgainstTheNodeKind() {
    assertError("executions_c.id = 1", ARTIFACT, 1, 1,
        "executions_<alias> is not a neighbour of artifacts", "contexts_<alias>",
        "events_<alias>");
    assertError("contexts_c.id = 1", CONTEXT, 1, 1,
        "contexts_<alias> is not a neighbour of contexts", "parent_contexts_<alias>",
        "child_contexts_<alias>", "artifacts_<alias>", "executions_<alias>");
    assertError("events_e.type = INPUT", CONTEXT, 1, 1,
        "events_<alias> is not a neighbour of contexts");
    assertError("children_c.id = 1", CONTEXT, 1, 1, "unknown neighbour 'children_c'");
    assertError("contexts_a.uri = 'x'", ARTIFACT, 1, 12,
        "unknown attribute 'uri' of contexts_a", "id", "type_id", "type", "name",
        "external_id", "create_time_since_epoch", "last_update_time_since_epoch");
    assertError("id = 1 AND events_e.state = 1", EXECUTION, 1, 21,
        "unknown attribute 'state' of events_e", "type", "milliseconds_since_epoch",
        "artifact_id", "execution_id");
    assertError("contexts_a.properties.x = 1", ARTIFACT, 1, 12,
        "unknown attribute 'properties' of contexts_a");
    assertError("contexts_a.id.x = 1", ARTIFACT, 1, 15, "unexpected 'x' after contexts_a.id");
    assertError("contexts_a = 1", ARTIFACT, 1, 1,
        "neighbour contexts_a is read as contexts_a.<field>");
    assertError("contexts_.id = 1", ARTIFACT, 1, 1,
        "a neighbour alias is letters, digits and underscores after contexts_");
    assertError("`contexts_a b`.id = 1", ARTIFACT, 1, 1,
        "a neighbour alias is letters, digits and underscores after contexts_");
  }

  @Test
  void attributesAreCheckedAgainstTheNodeKind() {
    assertError("uri = 'x'", EXECUTION, 1, 1, "unknown attribute 'uri'");
    assertError("state = LIVE", CONTEXT, 1, 1, "unknown attribute 'state'");
    assertError("last_known_state = RUNNING", ARTIFACT, 1, 1,
        "unknown attribute 'last_known_state'");
    assertError("artifact_id = 1", EXECUTION, 1, 1, "unknown attribute 'artifact_id'");
  }

  @Test
  void sameAliasIsOneNeighbourDifferentAliasesAreTwo() {
    Filter filter = FilterQueries.parse(
        "contexts_a.name = 'x' AND contexts_a.type = 'T' AND contexts_b.name = 'y'", ARTIFACT);
    assertThat(filter.condition()).isEqualTo(and(
        eq(neighbour(CONTEXTS, "a", NAME), s("x")),
        eq(neighbour(CONTEXTS, "a", TYPE), s("T")),
        eq(neighbour(CONTEXTS, "b", NAME), s("y"))));
  }

  @Test
  void unknownEnumNamesListTheValues() {
    assertError("state = ALIVE", ARTIFACT, 1, 9, "unknown artifact state 'ALIVE'",
        "UNKNOWN", "PENDING", "LIVE", "MARKED_FOR_DELETION", "DELETED", "ABANDONED",
        "REFERENCE");
    assertError("last_known_state IN (RUNNING, DONE)", EXECUTION, 1, 31,
        "unknown execution state 'DONE'");
    assertError("events_x.type = LIVE", ARTIFACT, 1, 17, "unknown event type 'LIVE'");
    // An enum name is only a value next to the attribute it belongs to.
    assertError("name = LIVE", ARTIFACT, 1, 8, "unknown attribute 'LIVE'");
    assertError("state = RUNNING", ARTIFACT, 1, 9, "unknown artifact state 'RUNNING'");
  }

  @Test
  void enumAttributesStillTakeNumbersAndAttributes() {
    assertThat(FilterQueries.parse("state = 2", ARTIFACT).condition())
        .isEqualTo(eq(attr(STATE), i(2)));
    assertThat(FilterQueries.parse("state != type_id", ARTIFACT).condition())
        .isEqualTo(ne(attr(STATE), attr(TYPE_ID)));
  }

  @Test
  void keywordsAttributesAndEnumNamesIgnoreCase() {
    assertThat(FilterQueries.parse(
            "Name like 'a%' aNd NOT State in (live, Pending) Or URI is not null", ARTIFACT)
        .condition())
        .isEqualTo(or(
            and(like(attr(NAME), "a%"),
                not(in(attr(STATE), artifactState("LIVE"), artifactState("PENDING")))),
            isNotNull(attr(URI))));
    assertThat(FilterQueries.parse(
            "CONTEXTS_A.NAME = 'x' AND Custom_Properties.Acc.Double_Value > 1e-3", EXECUTION)
        .condition())
        .isEqualTo(and(eq(neighbour(CONTEXTS, "a", NAME), s("x")),
            gt(customProperty("Acc", DOUBLE_VALUE), d(0.001))));
  }

  @Test
  void propertyNamesKeepTheirCaseAndMayNeedBackquotes() {
    assertThat(FilterQueries.parse("properties.`a b:c.d`.int_value = 1 AND "
            + "properties.0day.string_value = 'x' AND custom_properties.`tick\\`s`.bool_value "
            + "AND custom_properties.MiXeD.int_value = 2", ARTIFACT).condition())
        .isEqualTo(and(
            eq(property("a b:c.d", INT_VALUE), i(1)),
            eq(property("0day", STRING_VALUE), s("x")),
            customProperty("tick`s", BOOL_VALUE),
            eq(customProperty("MiXeD", INT_VALUE), i(2))));
  }

  @Test
  void propertyPathsAreCheckedForAValueField() {
    assertError("properties.x.proto_value = 1", ARTIFACT, 1, 14,
        "unknown value field 'proto_value'", "int_value", "double_value", "string_value",
        "bool_value");
    assertError("custom_properties.`a.b`.struct_value = 1", ARTIFACT, 1, 25,
        "unknown value field 'struct_value'");
    assertError("custom_properties.x = 1", ARTIFACT, 1, 1,
        "a property is read as custom_properties.<name>.<field>");
    assertError("properties = 1", ARTIFACT, 1, 1,
        "a property is read as properties.<name>.<field>");
    assertError("properties . x . int_value = 1", ARTIFACT, 1, 1,
        "a property is read as properties.<name>.<field>, with no spaces");
  }

  @Test
  void doubledQuotesAreNotAnEscape() {
    // As in ZetaSQL: 'it''s' is two strings side by side, which is a syntax error.
    assertError("name = 'it''s'", ARTIFACT, 1, 12, "unexpected ''s''");
  }

  @Test
  void stringLiteralsDecodeZetaSqlEscapes() {
    assertThat(condition("name IN ('a\\'b', \"c\\\"d\", 'e\"f', \"g'h\", '\\\\', "
        + "'\\n\\t\\r', '\\x41\\u00e9\\U0001F600\\101', '\\?\\`')"))
        .isEqualTo(in(attr(NAME), s("a'b"), s("c\"d"), s("e\"f"), s("g'h"), s("\\"),
            s("\n\t\r"), s("Aé\uD83D\uDE00A"), s("?`")));
  }

  @Test
  void badEscapesAreErrorsAtTheEscape() {
    assertError("name = 'ab\\qc'", ARTIFACT, 1, 11, "unknown escape \\q");
    assertError("name = 'ab\\x4'", ARTIFACT, 1, 11, "escape needs 2 hex digits");
    assertError("name = 'ab\\uD800'", ARTIFACT, 1, 11, "escape \\uD800 is not a character");
    assertError("name = 'ab\\U00110000'", ARTIFACT, 1, 11,
        "escape \\U00110000 is not a character");
    assertError("properties.`a\\z`.int_value = 1", ARTIFACT, 1, 14, "unknown escape \\z");
  }

  @Test
  void lexicalErrorsNameTheProblem() {
    assertError("name = \"abc", ARTIFACT, 1, 8, "unterminated string literal");
    assertError("name = 'abc\n' OR TRUE", ARTIFACT, 1, 8, "unterminated string literal");
    assertError("properties.`abc.int_value = 1", ARTIFACT, 1, 12, "unterminated quoted name");
    assertError("name = 'x' & id = 1", ARTIFACT, 1, 12, "unexpected character '&'");
  }

  @Test
  void numbersAreIntegersOrDoubles() {
    assertThat(condition("id IN (0, 42, -7, 9223372036854775807, -9223372036854775808)"))
        .isEqualTo(in(attr(ID), i(0), i(42), i(-7), i(Long.MAX_VALUE), i(Long.MIN_VALUE)));
    assertThat(condition("properties.x.double_value IN (1.5, .5, 2., 1e3, 2.5E-2, -0.25)"))
        .isEqualTo(in(property("x", DOUBLE_VALUE), d(1.5), d(0.5), d(2.0), d(1000.0), d(0.025),
            d(-0.25)));
    assertError("id = 9223372036854775808", ARTIFACT, 1, 6, "integer out of range");
    assertError("id = -9223372036854775809", ARTIFACT, 1, 7, "integer out of range");
    assertError("properties.x.double_value = 1e999", ARTIFACT, 1, 29, "number out of range");
  }

  @Test
  void arithmeticFollowsSqlPrecedence() {
    assertThat(condition("id = 1 + 2 * 3 - -4 / 2"))
        .isEqualTo(eq(attr(ID), minus(plus(i(1), times(i(2), i(3))), divide(i(-4), i(2)))));
    assertThat(condition("-id * 2 = -(id + 1)"))
        .isEqualTo(eq(times(negate(attr(ID)), i(2)), negate(plus(attr(ID), i(1)))));
    assertThat(condition("id - 1 - 2 = 0"))
        .isEqualTo(eq(minus(minus(attr(ID), i(1)), i(2)), i(0)));
  }

  @Test
  void booleanOperatorsFollowSqlPrecedence() {
    assertThat(condition("NOT id = 1 AND id = 2 OR id = 3 AND NOT NOT id = 4"))
        .isEqualTo(or(
            and(not(eq(attr(ID), i(1))), eq(attr(ID), i(2))),
            and(eq(attr(ID), i(3)), not(not(eq(attr(ID), i(4)))))));
    assertThat(condition("id = 1 OR (id = 2 OR id = 3) OR id = 4"))
        .as("a parenthesized chain stays a child of its own")
        .isEqualTo(or(eq(attr(ID), i(1)), or(eq(attr(ID), i(2)), eq(attr(ID), i(3))),
            eq(attr(ID), i(4))));
  }

  @Test
  void typesAreChecked() {
    assertError("name = 1", ARTIFACT, 1, 6, "cannot compare a string with an integer");
    assertError("id IN (1, 'two')", ARTIFACT, 1, 11, "cannot compare an integer with a string");
    assertError("id LIKE 'a%'", ARTIFACT, 1, 4, "LIKE compares strings, not an integer");
    assertError("name + 1 = 2", ARTIFACT, 1, 6, "'+' takes numbers, not a string");
    assertError("-name = 'x'", ARTIFACT, 1, 1, "'-' takes numbers, not a string");
    assertError("id", ARTIFACT, 1, 1, "a filter needs a boolean expression, not an integer");
    assertError("id = 1 AND name", ARTIFACT, 1, 12,
        "AND needs a boolean expression, not a string");
    assertError("NOT 'x'", ARTIFACT, 1, 5, "NOT needs a boolean expression, not a string");
    assertError("properties.b.bool_value = 1", ARTIFACT, 1, 25,
        "cannot compare a boolean with an integer");
    assertThat(condition("properties.i.int_value = 1.5 AND properties.d.double_value < 2 "
        + "AND (id = 1) = TRUE AND properties.b.bool_value"))
        .isEqualTo(and(eq(property("i", INT_VALUE), d(1.5)),
            lt(property("d", DOUBLE_VALUE), i(2)), eq(eq(attr(ID), i(1)), b(true)),
            property("b", BOOL_VALUE)));
  }

  @Test
  void divisionIsDoubleOtherArithmeticKeepsIntegers() {
    assertThat(((io.mlmd4j.grammar.ast.Comparison) condition("id / 2 = 1")).left().type())
        .isEqualTo(ValueType.DOUBLE);
    assertThat(((io.mlmd4j.grammar.ast.Comparison) condition("id * 2 - 1 = 1")).left().type())
        .isEqualTo(ValueType.INTEGER);
    assertThat(((io.mlmd4j.grammar.ast.Comparison) condition("id + 0.5 = 1")).left().type())
        .isEqualTo(ValueType.DOUBLE);
  }

  @Test
  void syntaxErrorsSayWhatWasExpected() {
    QuerySyntaxException e = error("name = ", ARTIFACT);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(8);
    assertThat(e.reason()).isEqualTo("unexpected end of input");
    assertThat(e.expected()).containsExactly("TRUE", "FALSE", "'-'", "'('",
        "properties.<name>.<field>", "an integer", "a decimal number", "a string", "a name");
    assertError("", ARTIFACT, 1, 1, "unexpected end of input", "NOT", "TRUE", "FALSE", "'-'",
        "'('", "properties.<name>.<field>", "an integer", "a decimal number", "a string",
        "a name");
    assertError("id IN ()", ARTIFACT, 1, 8, "unexpected ')'");
    assertError("id = 1 AND", ARTIFACT, 1, 11, "unexpected end of input");
    assertError("(id = 1", ARTIFACT, 1, 8, "unexpected end of input");
    assertError("id = = 1", ARTIFACT, 1, 6, "unexpected '='");
    assertError("id = 1\n  AND AND id = 2", ARTIFACT, 2, 7, "unexpected 'AND'");
  }

  @Test
  void lineCommentsAreIgnored() {
    assertThat(condition("id = 1 -- the first one\n OR id = 2 --"))
        .isEqualTo(or(eq(attr(ID), i(1)), eq(attr(ID), i(2))));
  }

  @Test
  void lqlKeywordsAreNotReservedInFilters() {
    assertThat(FilterQueries.parse("type = 'x' AND contexts_max.type = 'y' AND "
        + "last_known_state = CACHED", EXECUTION).condition())
        .isEqualTo(and(eq(attr(TYPE), s("x")), eq(neighbour(CONTEXTS, "max", TYPE), s("y")),
            eq(attr(LAST_KNOWN_STATE), executionState("CACHED"))));
    assertError("lineage = 1", ARTIFACT, 1, 1, "unknown attribute 'lineage'");
  }

  private static Expression condition(String text) {
    return FilterQueries.parse(text, ARTIFACT).condition();
  }

  private static QuerySyntaxException error(String text, NodeKind kind) {
    try {
      FilterQueries.parse(text, kind);
    } catch (QuerySyntaxException e) {
      return e;
    }
    throw new AssertionError("parsed: " + text);
  }

  static void assertError(String text, NodeKind kind, int line, int column, String reason,
      String... expected) {
    QuerySyntaxException e = error(text, kind);
    assertThat(e.reason()).as(text).isEqualTo(reason);
    assertThat(e.line()).as("line of %s", text).isEqualTo(line);
    assertThat(e.column()).as("column of %s", text).isEqualTo(column);
    assertThat(e.getMessage()).startsWith("line " + line + ":" + column + ": " + reason);
    if (expected.length > 0) {
      assertThat(e.expected()).as("expected at %s", text).startsWith(expected);
    }
  }
}
