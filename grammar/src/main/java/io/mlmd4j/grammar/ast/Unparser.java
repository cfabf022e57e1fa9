package io.mlmd4j.grammar.ast;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes trees back as query text. Parentheses go exactly where precedence needs them, so that
 * parsing the text gives the same tree: a parenthesized AND inside an AND stays its own node.
 */
final class Unparser {

  // Binding strength, weakest first; an operand weaker than its slot needs parentheses.
  private static final int OR = 1;
  private static final int AND = 2;
  private static final int NOT = 3;
  private static final int PREDICATE = 4;
  private static final int ADDITIVE = 5;
  private static final int MULTIPLICATIVE = 6;
  private static final int UNARY = 7;
  private static final int PRIMARY = 8;

  private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> RESERVED =
      Set.of("AND", "OR", "NOT", "IN", "LIKE", "IS", "NULL", "TRUE", "FALSE");

  private Unparser() {
  }

  static String expression(Expression expression) {
    StringBuilder b = new StringBuilder();
    write(b, expression, OR);
    return b.toString();
  }

  static String statement(LqlStatement statement) {
    StringBuilder b = new StringBuilder();
    if (statement instanceof LineageQuery query) {
      writeLineage(b, query);
    } else {
      writeCacheLookup(b, (CacheLookup) statement);
    }
    return b.toString();
  }

  private static void writeLineage(StringBuilder b, LineageQuery query) {
    b.append("LINEAGE ").append(query.direction()).append(" OF ");
    String separator = "";
    for (Filter start : query.startSets()) {
      b.append(separator);
      writeFilter(b, start.nodeKind(), start);
      separator = ", ";
    }
    query.maxHops().ifPresent(hops -> b.append(" MAX HOPS ").append(hops));
    separator = " STOP AT ";
    for (StopCondition stop : query.stopConditions()) {
      b.append(separator);
      writeFilter(b, stop.filter().nodeKind(), stop.filter());
      if (stop.inclusive()) {
        b.append(" INCLUSIVE");
      }
      separator = ", ";
    }
    separator = " RETURN ";
    for (LineageResult result : query.results()) {
      b.append(separator);
      separator = ", ";
      String defaultName;
      if (result instanceof NodeResult nodes) {
        writeFilter(b, nodes.kind(), nodes.where().orElse(null));
        defaultName = NodeResult.defaultName(nodes.kind());
      } else if (result instanceof EventResult) {
        b.append("EVENTS");
        defaultName = EventResult.DEFAULT_NAME;
      } else if (result instanceof GraphResult) {
        b.append("GRAPH");
        defaultName = GraphResult.DEFAULT_NAME;
      } else {
        PathResult paths = (PathResult) result;
        b.append("PATHS");
        paths.target().ifPresent(kind -> {
          b.append(" TO ");
          writeFilter(b, kind, paths.where().orElse(null));
        });
        defaultName = PathResult.DEFAULT_NAME;
      }
      if (!result.name().equals(defaultName)) {
        b.append(" AS ").append(identifier(result.name()));
      }
    }
  }

  private static void writeCacheLookup(StringBuilder b, CacheLookup lookup) {
    b.append("CACHED EXECUTIONS OF TYPE ").append(quote(lookup.typeName()));
    lookup.typeVersion().ifPresent(version -> b.append(" VERSION ").append(quote(version)));
    b.append(" WITH INPUTS (");
    join(b, lookup.inputArtifactIds(), (sb, id) -> sb.append(id));
    b.append(')');
    if (!lookup.properties().isEmpty()) {
      b.append(" MATCHING PROPERTIES (");
      join(b, lookup.properties(), (sb, match) -> {
        sb.append(identifier(match.name())).append(" = ");
        writeBare(sb, match.value());
      });
      b.append(')');
    }
    lookup.where().ifPresent(filter -> {
      b.append(" WHERE ");
      write(b, filter.condition(), OR);
    });
  }

  /** {@code ARTIFACTS [WHERE condition]}, the filter being optional. */
  private static void writeFilter(StringBuilder b, NodeKind kind, Filter filter) {
    b.append(kind == NodeKind.ARTIFACT ? "ARTIFACTS" : "EXECUTIONS");
    if (filter != null) {
      b.append(" WHERE ");
      write(b, filter.condition(), OR);
    }
  }

  private static void write(StringBuilder b, Expression e, int slot) {
    if (strength(e) < slot) {
      b.append('(');
      writeBare(b, e);
      b.append(')');
    } else {
      writeBare(b, e);
    }
  }

  private static int strength(Expression e) {
    if (e instanceof Or) {
      return OR;
    } else if (e instanceof And) {
      return AND;
    } else if (e instanceof Not) {
      return NOT;
    } else if (e instanceof Comparison || e instanceof InList || e instanceof Like
        || e instanceof IsNull) {
      return PREDICATE;
    } else if (e instanceof Arithmetic arithmetic) {
      return arithmetic.operator() == Arithmetic.Operator.PLUS
          || arithmetic.operator() == Arithmetic.Operator.MINUS ? ADDITIVE : MULTIPLICATIVE;
    } else if (e instanceof Negation || isNegativeNumber(e)) {
      return UNARY;
    }
    return PRIMARY;
  }

  private static boolean isNegativeNumber(Expression e) {
    return e instanceof IntLiteral i && i.value() < 0
        || e instanceof DoubleLiteral d && Math.copySign(1.0, d.value()) < 0;
  }

  private static void writeBare(StringBuilder b, Expression e) {
    if (e instanceof IntLiteral i) {
      b.append(i.value());
    } else if (e instanceof DoubleLiteral d) {
      b.append(d.value());
    } else if (e instanceof StringLiteral s) {
      b.append(quote(s.value()));
    } else if (e instanceof BooleanLiteral bool) {
      b.append(bool.value() ? "TRUE" : "FALSE");
    } else if (e instanceof EnumLiteral enumLiteral) {
      b.append(enumLiteral.name());
    } else if (e instanceof NodeAttribute attribute) {
      b.append(attribute.attribute().text());
    } else if (e instanceof NeighbourAttribute attribute) {
      b.append(attribute.neighbour().text()).append('.').append(attribute.attribute().text());
    } else if (e instanceof PropertyRef property) {
      b.append(property.custom() ? "custom_properties." : "properties.");
      b.append(PROPERTY_NAME.matcher(property.name()).matches()
          ? property.name() : backquote(property.name()));
      b.append('.').append(property.field().text());
    } else if (e instanceof Comparison comparison) {
      write(b, comparison.left(), ADDITIVE);
      b.append(' ').append(comparison.operator().symbol()).append(' ');
      write(b, comparison.right(), ADDITIVE);
    } else if (e instanceof InList in) {
      write(b, in.operand(), ADDITIVE);
      b.append(in.negated() ? " NOT IN (" : " IN (");
      join(b, in.values(), (sb, value) -> write(sb, value, ADDITIVE));
      b.append(')');
    } else if (e instanceof Like like) {
      write(b, like.operand(), ADDITIVE);
      b.append(like.negated() ? " NOT LIKE " : " LIKE ");
      write(b, like.pattern(), ADDITIVE);
    } else if (e instanceof IsNull isNull) {
      write(b, isNull.operand(), ADDITIVE);
      b.append(isNull.negated() ? " IS NOT NULL" : " IS NULL");
    } else if (e instanceof Not not) {
      b.append("NOT ");
      write(b, not.operand(), NOT);
    } else if (e instanceof And and) {
      writeChain(b, and.operands(), " AND ", NOT);
    } else if (e instanceof Or or) {
      writeChain(b, or.operands(), " OR ", AND);
    } else if (e instanceof Arithmetic arithmetic) {
      int strength = strength(arithmetic);
      write(b, arithmetic.left(), strength);
      b.append(' ').append(arithmetic.operator().symbol()).append(' ');
      write(b, arithmetic.right(), strength + 1);
    } else {
      Expression operand = ((Negation) e).operand();
      b.append('-');
      // "-5" would read back as a negative literal and "--" starts a comment.
      boolean bracket = operand instanceof IntLiteral || operand instanceof DoubleLiteral
          || operand instanceof Negation;
      write(b, operand, bracket ? PRIMARY + 1 : UNARY);
    }
  }

  private static void writeChain(StringBuilder b, List<Expression> operands, String operator,
      int slot) {
    String separator = "";
    for (Expression operand : operands) {
      b.append(separator);
      write(b, operand, slot);
      separator = operator;
    }
  }

  private interface Writer<T> {
    void write(StringBuilder b, T item);
  }

  private static <T> void join(StringBuilder b, List<T> items, Writer<T> writer) {
    String separator = "";
    for (T item : items) {
      b.append(separator);
      writer.write(b, item);
      separator = ", ";
    }
  }

  private static String identifier(String name) {
    return IDENTIFIER.matcher(name).matches()
        && !RESERVED.contains(name.toUpperCase(Locale.ROOT)) ? name : backquote(name);
  }

  /** A string literal: single-quoted unless the text has a ' and no ". */
  private static String quote(String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    return escape(text, quote);
  }

  private static String backquote(String name) {
    return escape(name, '`');
  }

  private static String escape(String text, char quote) {
    StringBuilder b = new StringBuilder(text.length() + 2).append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote || c == '\\') {
        b.append('\\').append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append(quote).toString();
  }
}
