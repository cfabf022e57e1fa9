package io.mlmd4j.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.grammar.ast.NodeKind;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Nesting deeper than {@link Nesting#MAX_DEPTH} is a syntax error at the token that goes one
 * level too deep, found before anything recurses over the text; up to the limit, texts parse.
 */
class NestingTest {

  static String parentheses(int depth) {
    return "(".repeat(depth) + "id = 1" + ")".repeat(depth);
  }

  @Test
  void filtersNestedTooDeepAreSyntaxErrors() {
    for (int depth : new int[] {1_000, 100_000}) {
      assertThatThrownBy(() -> FilterQueries.parse(parentheses(depth), NodeKind.ARTIFACT))
          .isInstanceOf(QuerySyntaxException.class)
          .hasMessage("line 1:101: nested more than 100 levels deep (parentheses, NOT and minus"
              + " signs)");
      assertThatThrownBy(() -> FilterQueries.parse("NOT ".repeat(depth) + "id = 1",
          NodeKind.ARTIFACT)).isInstanceOf(QuerySyntaxException.class)
          .hasMessageStartingWith("line 1:401: nested more than 100 levels deep");
      assertThatThrownBy(() -> FilterQueries.parse("id = " + "- ".repeat(depth) + "1",
          NodeKind.ARTIFACT)).isInstanceOf(QuerySyntaxException.class)
          .hasMessageStartingWith("line 1:206: nested more than 100 levels deep");
    }
    // Levels add up: a NOT before each parenthesis, on several lines.
    assertThatThrownBy(() -> FilterQueries.parse("NOT (\n".repeat(60) + "id = 1"
        + ")".repeat(60), NodeKind.ARTIFACT)).isInstanceOf(QuerySyntaxException.class)
        .hasMessageStartingWith("line 51:1: nested more than 100 levels deep");
  }

  @Test
  void filtersUpToTheLimitParse() {
    assertThat(FilterQueries.parse(parentheses(100), NodeKind.ARTIFACT))
        .isEqualTo(FilterQueries.parse("id = 1", NodeKind.ARTIFACT));
    FilterQueries.parse("NOT ".repeat(100) + "id = 1", NodeKind.ARTIFACT);
    FilterQueries.parse("NOT (".repeat(50) + "id = 1" + ")".repeat(50), NodeKind.ARTIFACT);
    // Side by side is not nested.
    FilterQueries.parse(String.join(" AND ", Collections.nCopies(200, parentheses(90))),
        NodeKind.ARTIFACT);
  }

  @Test
  void longOperatorChainsAreSyntaxErrors() {
    for (int terms : new int[] {1_002, 100_000}) {
      for (String operator : new String[] {" OR ", " AND "}) {
        assertThatThrownBy(() -> FilterQueries.parse(
            String.join(operator, Collections.nCopies(terms, "id = 1")), NodeKind.ARTIFACT))
            .isInstanceOf(QuerySyntaxException.class)
            .hasMessageStartingWith("line 1:")
            .hasMessageContaining("more than 1000 operators");
      }
      assertThatThrownBy(() -> Lql.parse("LINEAGE OF ARTIFACTS WHERE id = "
          + String.join(" + ", Collections.nCopies(terms, "1"))))
          .isInstanceOf(QuerySyntaxException.class)
          .hasMessageContaining("more than 1000 operators");
    }
    FilterQueries.parse(String.join(" OR ", Collections.nCopies(1_001, "id = 1")),
        NodeKind.ARTIFACT);
  }

  @Test
  void lqlNestedTooDeepIsASyntaxError() {
    for (int depth : new int[] {1_000, 100_000}) {
      assertThatThrownBy(() -> Lql.parse("LINEAGE OF ARTIFACTS WHERE " + parentheses(depth)))
          .isInstanceOf(QuerySyntaxException.class)
          .hasMessage("line 1:128: nested more than 100 levels deep (parentheses, NOT and minus"
              + " signs)");
    }
    Lql.parse("LINEAGE OF ARTIFACTS WHERE " + parentheses(100) + " RETURN ARTIFACTS WHERE "
        + parentheses(100));
  }
}
