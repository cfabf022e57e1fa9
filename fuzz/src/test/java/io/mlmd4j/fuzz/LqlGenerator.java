package io.mlmd4j.fuzz;

import io.mlmd4j.grammar.ast.NodeKind;
import java.util.List;
import java.util.Random;

/**
 * Random LQL statements from the grammar's productions (grammar/README.md#lql): lineage walks
 * and cache lookups, with {@link FilterGenerator}'s filters, hostile hop counts, names and
 * literals, and now and then very many start sets, stop sets, items, inputs or properties.
 */
final class LqlGenerator {

  private final FilterGenerator filters;
  private final Vocabulary words;

  LqlGenerator(Vocabulary words) {
    this.words = words;
    this.filters = new FilterGenerator(words);
  }

  String statement(Random r) {
    String s = r.nextInt(4) == 0 ? cacheLookup(r) : lineage(r);
    return r.nextInt(5) == 0 ? s + ";" : s;
  }

  private String lineage(Random r) {
    StringBuilder s = new StringBuilder(r.nextInt(6) == 0 ? "lineage" : "LINEAGE");
    if (r.nextInt(4) != 0) {
      s.append(" ").append(Hostile.pick(r, List.of("UPSTREAM", "DOWNSTREAM", "BOTH")));
    }
    s.append(" OF ").append(nodeSet(r));
    for (int i = 0, more = many(r); i < more; i++) {
      s.append(", ").append(more > 2 ? smallNodeSet(r) : nodeSet(r));
    }
    if (r.nextBoolean()) {
      s.append(" MAX HOPS ").append(r.nextInt(3) == 0 ? Hostile.number(r) : r.nextInt(6));
    }
    if (r.nextInt(3) == 0) {
      s.append(" STOP AT ").append(nodeSet(r)).append(r.nextBoolean() ? " INCLUSIVE" : "");
      for (int i = 0, more = many(r); i < more; i++) {
        s.append(", ").append(more > 2 ? smallNodeSet(r) : nodeSet(r))
            .append(r.nextBoolean() ? " INCLUSIVE" : "");
      }
    }
    if (r.nextBoolean()) {
      s.append(" RETURN ").append(item(r, 0));
      for (int i = 0, more = many(r); i < more; i++) {
        s.append(", ").append(more > 2 ? "EVENTS AS r" + (i + 1) : item(r, i + 1));
      }
    }
    return s.toString();
  }

  /** Usually a few, now and then hundreds (the limits of item 11). */
  private static int many(Random r) {
    return r.nextInt(10) == 0 ? r.nextInt(600) : r.nextInt(3);
  }

  private String nodeSet(Random r) {
    NodeKind kind = r.nextBoolean() ? NodeKind.ARTIFACT : NodeKind.EXECUTION;
    return (kind == NodeKind.ARTIFACT ? "ARTIFACTS" : "EXECUTIONS") + " WHERE "
        + filters.filter(r, kind);
  }

  /** A start or stop set with a one-predicate filter, for statements with hundreds of them. */
  private String smallNodeSet(Random r) {
    NodeKind kind = r.nextBoolean() ? NodeKind.ARTIFACT : NodeKind.EXECUTION;
    return (kind == NodeKind.ARTIFACT ? "ARTIFACTS" : "EXECUTIONS") + " WHERE "
        + filters.expression(r, kind, 0);
  }

  private String item(Random r, int index) {
    String item = switch (r.nextInt(6)) {
      case 0 -> "ARTIFACTS" + (r.nextBoolean() ? " WHERE " + filters.expression(r,
          NodeKind.ARTIFACT, 2) : "");
      case 1 -> "EXECUTIONS" + (r.nextBoolean() ? " WHERE " + filters.expression(r,
          NodeKind.EXECUTION, 2) : "");
      case 2 -> "EVENTS";
      case 3 -> "GRAPH";
      default -> "PATHS" + (r.nextBoolean() ? " TO " + nodeSet(r) : "");
    };
    return r.nextInt(3) == 0 || index > 0
        ? item + " AS " + (r.nextInt(5) == 0 ? Hostile.name(r) : "r" + index) : item;
  }

  private String cacheLookup(Random r) {
    StringBuilder s = new StringBuilder("CACHED EXECUTIONS OF TYPE ");
    s.append(switch (r.nextInt(4)) {
      case 0 -> Hostile.name(r);
      case 1 -> FilterGenerator.quote(Hostile.string(r), '\'');
      default -> FilterGenerator.quote(Hostile.pick(r, words.typeNames()), '\'');
    });
    if (r.nextInt(4) == 0) {
      s.append(" VERSION ").append(FilterGenerator.quote(Hostile.string(r), '"'));
    }
    s.append(" WITH INPUTS (");
    int inputs = r.nextInt(10) == 0 ? r.nextInt(FilterGenerator.MAX_LIST) : r.nextInt(4);
    for (int i = 0; i < inputs; i++) {
      s.append(i == 0 ? "" : ", ").append(r.nextInt(3) == 0 ? Hostile.number(r)
          : String.valueOf(Hostile.pick(r, words.artifactIds())));
    }
    s.append(")");
    if (r.nextBoolean()) {
      s.append(" MATCHING PROPERTIES (");
      int properties = 1 + (r.nextInt(10) == 0 ? r.nextInt(500) : r.nextInt(3));
      for (int i = 0; i < properties; i++) {
        s.append(i == 0 ? "" : ", ")
            .append(r.nextBoolean() ? Hostile.pick(r, words.propertyNames()) + i
                : Hostile.name(r))
            .append(" = ").append(switch (properties > 4 ? 0 : r.nextInt(4)) {
              case 0 -> Hostile.pick(r, Hostile.NUMBERS);
              case 1 -> r.nextBoolean() ? "TRUE" : "FALSE";
              default -> filters.stringLiteral(r);
            });
      }
      s.append(")");
    }
    if (r.nextBoolean()) {
      s.append(" WHERE ").append(filters.filter(r, NodeKind.EXECUTION));
    }
    return s.toString();
  }
}
