package io.mlmd4j.grammar;

import static io.mlmd4j.grammar.Trees.and;
import static io.mlmd4j.grammar.Trees.artifactState;
import static io.mlmd4j.grammar.Trees.attr;
import static io.mlmd4j.grammar.Trees.customProperty;
import static io.mlmd4j.grammar.Trees.d;
import static io.mlmd4j.grammar.Trees.eq;
import static io.mlmd4j.grammar.Trees.i;
import static io.mlmd4j.grammar.Trees.minus;
import static io.mlmd4j.grammar.Trees.negate;
import static io.mlmd4j.grammar.Trees.or;
import static io.mlmd4j.grammar.Trees.s;
import static io.mlmd4j.grammar.ast.Attribute.ID;
import static io.mlmd4j.grammar.ast.Attribute.NAME;
import static io.mlmd4j.grammar.ast.Attribute.STATE;
import static io.mlmd4j.grammar.ast.NodeKind.ARTIFACT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.grammar.ast.And;
import io.mlmd4j.grammar.ast.Arithmetic;
import io.mlmd4j.grammar.ast.Attribute;
import io.mlmd4j.grammar.ast.BooleanLiteral;
import io.mlmd4j.grammar.ast.CacheLookup;
import io.mlmd4j.grammar.ast.Comparison;
import io.mlmd4j.grammar.ast.DoubleLiteral;
import io.mlmd4j.grammar.ast.EnumLiteral;
import io.mlmd4j.grammar.ast.EnumType;
import io.mlmd4j.grammar.ast.Expression;
import io.mlmd4j.grammar.ast.Filter;
import io.mlmd4j.grammar.ast.InList;
import io.mlmd4j.grammar.ast.IntLiteral;
import io.mlmd4j.grammar.ast.IsNull;
import io.mlmd4j.grammar.ast.Like;
import io.mlmd4j.grammar.ast.LqlStatement;
import io.mlmd4j.grammar.ast.Negation;
import io.mlmd4j.grammar.ast.Neighbour;
import io.mlmd4j.grammar.ast.NeighbourAttribute;
import io.mlmd4j.grammar.ast.NeighbourKind;
import io.mlmd4j.grammar.ast.NodeAttribute;
import io.mlmd4j.grammar.ast.NodeKind;
import io.mlmd4j.grammar.ast.Not;
import io.mlmd4j.grammar.ast.Or;
import io.mlmd4j.grammar.ast.PropertyMatch;
import io.mlmd4j.grammar.ast.PropertyRef;
import io.mlmd4j.grammar.ast.StringLiteral;
import io.mlmd4j.grammar.ast.ValueField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnparseTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource({"io.mlmd4j.grammar.FilterQueriesTest#mlmdExamples",
      "io.mlmd4j.grammar.FilterQueriesTest#mlmdFailures"})
  void everyMlmdExampleRoundTrips(String text, Set<NodeKind> kinds, Expression expected) {
    for (NodeKind kind : kinds) {
      Filter filter = FilterQueries.parse(text, kind);
      assertThat(FilterQueries.parse(filter.unparse(), kind)).isEqualTo(filter);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "LINEAGE OF ARTIFACTS WHERE uri = 'x'",
      "LINEAGE UPSTREAM OF ARTIFACTS WHERE type = 'Model' AND state = LIVE, EXECUTIONS WHERE"
          + " id IN (1, 2) MAX HOPS 6 STOP AT EXECUTIONS WHERE type = 'Importer' INCLUSIVE,"
          + " ARTIFACTS WHERE uri LIKE 'gs://raw/%' RETURN ARTIFACTS WHERE type = 'Examples' AS"
          + " inputs, EXECUTIONS, EVENTS, GRAPH AS everything, PATHS TO ARTIFACTS WHERE type ="
          + " 'Examples', PATHS TO EXECUTIONS AS p2, PATHS AS p3",
      "LINEAGE DOWNSTREAM OF EXECUTIONS WHERE contexts_a.name = \"it's\" MAX HOPS 0"
          + " RETURN GRAPH AS `and`, EVENTS AS `the events`, ARTIFACTS AS Graph",
      "CACHED EXECUTIONS OF TYPE 'tfx.components.Trainer' VERSION 'v''1' WITH INPUTS (12, 15)"
          + " MATCHING PROPERTIES (steps = 1000, lr = 0.01, warm = FALSE, `module file` ="
          + " 'trainer.py', offset = -3, `not` = TRUE) WHERE last_known_state IN (COMPLETE,"
          + " CACHED)",
      "CACHED EXECUTIONS OF TYPE ExampleGen WITH INPUTS ()"})
  void everyStatementRoundTrips(String text) {
    LqlStatement statement = Lql.parse(text.replace("v''1", "v\\'1"));
    assertThat(Lql.parse(statement.unparse())).isEqualTo(statement);
  }

  @Test
  void statementsSpellOutTheirDefaults() {
    assertThat(Lql.parse("lineage of artifacts where uri = 'x';").unparse())
        .isEqualTo("LINEAGE BOTH OF ARTIFACTS WHERE uri = 'x' RETURN GRAPH");
    assertThat(Lql.parse("cached executions of type T with inputs (3)").unparse())
        .isEqualTo("CACHED EXECUTIONS OF TYPE 'T' WITH INPUTS (3)");
  }

  @Test
  void filtersUseTheFewestParentheses() {
    assertThat(unparse("((id = 1)) AND ((name = 'a' OR (name = 'b')))"))
        .isEqualTo("id = 1 AND (name = 'a' OR name = 'b')");
    assertThat(unparse("NOT (id = 1) AND (NOT id = 2 OR NOT (id = 3 AND id = 4))"))
        .isEqualTo("NOT id = 1 AND (NOT id = 2 OR NOT (id = 3 AND id = 4))");
    assertThat(unparse("id = (1 + 2) * (3 - (4 - 5)) / -(-6)"))
        .isEqualTo("id = (1 + 2) * (3 - (4 - 5)) / -(-6)");
    assertThat(unparse("(id = 1) = (name LIKE 'x')"))
        .isEqualTo("(id = 1) = (name LIKE 'x')");
    assertThat(unparse("state <> live"))
        .isEqualTo("state != LIVE");
  }

  @Test
  void stringsAndNamesAreQuotedSoTheyReadBack() {
    assertThat(unparse("name = 'plain' OR name = \"it's\" OR name = 'say \"hi\"' OR "
        + "name = 'both \\' and \"' OR name = 'tab\\tnl\\nbell\\a\\\\'"))
        .isEqualTo("name = 'plain' OR name = \"it's\" OR name = 'say \"hi\"' OR "
            + "name = 'both \\' and \"' OR name = 'tab\\tnl\\nbell\\x07\\\\'");
    assertThat(unparse("properties.`a b`.int_value = 1 AND custom_properties.`x\\`y`.int_value"
        + " = 2 AND properties.p_1.int_value = 3"))
        .isEqualTo("properties.`a b`.int_value = 1 AND custom_properties.`x\\`y`.int_value"
            + " = 2 AND properties.p_1.int_value = 3");
  }

  @Test
  void treesBuiltByHandRoundTripToo() {
    List<Expression> trees = List.of(
        eq(attr(ID), negate(i(5))),
        eq(attr(ID), negate(i(-5))),
        eq(attr(ID), negate(negate(attr(ID)))),
        eq(attr(ID), minus(i(1), i(-1))),
        eq(attr(ID), minus(i(1), minus(i(2), i(3)))),
        and(and(eq(attr(ID), i(1)), eq(attr(ID), i(2))), eq(attr(ID), i(3))),
        or(eq(attr(ID), i(1)), or(eq(attr(ID), i(2)), eq(attr(ID), i(3)))),
        eq(d(-0.0), d(Double.MIN_VALUE)),
        eq(i(Long.MIN_VALUE), i(Long.MAX_VALUE)),
        eq(artifactState("LIVE"), attr(STATE)),
        eq(attr(NAME), s("\u0000\u001f\u007f\r\"'`\\é\uD83D\uDE00")),
        eq(customProperty("with\nnewline", ValueField.INT_VALUE), i(1)));
    for (Expression tree : trees) {
      assertThat(FilterQueries.parse(tree.unparse(), ARTIFACT).condition())
          .as(tree.unparse()).isEqualTo(tree);
    }
  }

  @Test
  void statementsBuiltByHandRoundTripToo() {
    CacheLookup lookup = new CacheLookup("it's \"quoted\"", Optional.of(""), List.of(1L),
        List.of(new PropertyMatch("or", new BooleanLiteral(true)),
            new PropertyMatch("x", new DoubleLiteral(-1e-9))),
        Optional.empty());
    assertThat(Lql.parse(lookup.unparse())).isEqualTo(lookup);
  }

  /** Random well-typed filters on artifacts, from a fixed seed: each must read back equal. */
  @Test
  void randomFiltersRoundTrip() {
    Random random = new Random(20240611);
    RandomTrees trees = new RandomTrees(random);
    for (int n = 0; n < 2000; n++) {
      Expression tree = trees.bool(4);
      String text = tree.unparse();
      assertThat(FilterQueries.parse(text, ARTIFACT).condition()).as(text).isEqualTo(tree);
    }
  }

  private static String unparse(String text) {
    return FilterQueries.parse(text, ARTIFACT).unparse();
  }

  /** Builds random well-typed artifact filters. */
  private static final class RandomTrees {

    private static final String CHARS = "ab Z09_'\"`\\%.:\n\t\u0001é\uD83D\uDE00";
    private static final List<Attribute> NUMBERS = List.of(Attribute.ID, Attribute.TYPE_ID,
        Attribute.CREATE_TIME_SINCE_EPOCH, Attribute.LAST_UPDATE_TIME_SINCE_EPOCH);
    private static final List<Attribute> STRINGS = List.of(Attribute.NAME, Attribute.TYPE,
        Attribute.URI, Attribute.EXTERNAL_ID);

    private final Random random;

    RandomTrees(Random random) {
      this.random = random;
    }

    Expression bool(int depth) {
      int choice = random.nextInt(depth <= 0 ? 4 : 12);
      return switch (choice) {
        case 0 -> new BooleanLiteral(random.nextBoolean());
        case 1 -> new PropertyRef(name(), random.nextBoolean(), ValueField.BOOL_VALUE);
        case 2 -> enumComparison();
        case 3 -> new IsNull(pick(List.of(number(0), string(0))), random.nextBoolean());
        case 4 -> new Comparison(comparisonOperator(), number(depth - 1), number(depth - 1));
        case 5 -> new Comparison(comparisonOperator(), string(depth - 1), string(depth - 1));
        case 6 -> new InList(number(depth - 1), list(() -> number(depth - 1)),
            random.nextBoolean());
        case 7 -> new Like(string(depth - 1), string(0), random.nextBoolean());
        case 8 -> new Not(bool(depth - 1));
        case 9 -> new And(list(() -> bool(depth - 1), 2));
        case 10 -> new Or(list(() -> bool(depth - 1), 2));
        default -> new Comparison(comparisonOperator(), bool(depth - 1), bool(depth - 1));
      };
    }

    private Expression enumComparison() {
      boolean event = random.nextBoolean();
      EnumType type = event ? EnumType.EVENT_TYPE : EnumType.ARTIFACT_STATE;
      Expression attribute = event
          ? new NeighbourAttribute(new Neighbour(NeighbourKind.EVENTS, "e" + random.nextInt(3)),
              Attribute.EVENT_TYPE)
          : new NodeAttribute(Attribute.STATE);
      EnumLiteral value = new EnumLiteral(type, pick(type.names()));
      return switch (random.nextInt(3)) {
        case 0 -> new Comparison(comparisonOperator(), attribute, value);
        case 1 -> new Comparison(comparisonOperator(), value, attribute);
        default -> new InList(attribute, list(() -> new EnumLiteral(type, pick(type.names()))),
            random.nextBoolean());
      };
    }

    private Expression number(int depth) {
      int choice = random.nextInt(depth <= 0 ? 5 : 8);
      return switch (choice) {
        case 0 -> new IntLiteral(pick(List.of(0L, 1L, -1L, 42L, Long.MIN_VALUE,
            Long.MAX_VALUE, random.nextLong())));
        case 1 -> new DoubleLiteral(pick(List.of(0.0, -0.0, 0.5, -2.25, 1e300, 4.9e-324,
            random.nextGaussian() * 1e6)));
        case 2 -> new NodeAttribute(pick(NUMBERS));
        case 3 -> new PropertyRef(name(), random.nextBoolean(),
            random.nextBoolean() ? ValueField.INT_VALUE : ValueField.DOUBLE_VALUE);
        case 4 -> new NeighbourAttribute(new Neighbour(NeighbourKind.CONTEXTS, "c"),
            Attribute.ID);
        case 5 -> new Negation(number(depth - 1));
        default -> new Arithmetic(pick(List.of(Arithmetic.Operator.values())),
            number(depth - 1), number(depth - 1));
      };
    }

    private Expression string(int depth) {
      return switch (random.nextInt(3)) {
        case 0 -> new StringLiteral(text(random.nextInt(6)));
        case 1 -> new NodeAttribute(pick(STRINGS));
        default -> new PropertyRef(name(), random.nextBoolean(), ValueField.STRING_VALUE);
      };
    }

    private String name() {
      return random.nextBoolean() ? "p" + random.nextInt(10) : text(1 + random.nextInt(5));
    }

    private String text(int length) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < length; i++) {
        int at = random.nextInt(CHARS.length() - 1);
        // Keep the surrogate pair whole.
        if (Character.isLowSurrogate(CHARS.charAt(at))) {
          at--;
        }
        b.appendCodePoint(CHARS.codePointAt(at));
      }
      return b.toString();
    }

    private Comparison.Operator comparisonOperator() {
      return pick(List.of(Comparison.Operator.values()));
    }

    private <T> List<T> list(java.util.function.Supplier<T> element) {
      return list(element, 1);
    }

    private <T> List<T> list(java.util.function.Supplier<T> element, int least) {
      List<T> list = new ArrayList<>();
      int size = least + random.nextInt(3);
      for (int i = 0; i < size; i++) {
        list.add(element.get());
      }
      return list;
    }

    private <T> T pick(List<T> from) {
      return from.get(random.nextInt(from.size()));
    }
  }
}
