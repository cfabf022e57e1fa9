package io.mlmd4j.grammar;

import io.mlmd4j.grammar.antlr.LqlLexer;
import io.mlmd4j.grammar.antlr.LqlParser;
import io.mlmd4j.grammar.ast.BooleanLiteral;
import io.mlmd4j.grammar.ast.CacheLookup;
import io.mlmd4j.grammar.ast.Direction;
import io.mlmd4j.grammar.ast.DoubleLiteral;
import io.mlmd4j.grammar.ast.EventResult;
import io.mlmd4j.grammar.ast.Filter;
import io.mlmd4j.grammar.ast.GraphResult;
import io.mlmd4j.grammar.ast.IntLiteral;
import io.mlmd4j.grammar.ast.LineageQuery;
import io.mlmd4j.grammar.ast.LineageResult;
import io.mlmd4j.grammar.ast.Literal;
import io.mlmd4j.grammar.ast.LqlStatement;
import io.mlmd4j.grammar.ast.NodeKind;
import io.mlmd4j.grammar.ast.NodeResult;
import io.mlmd4j.grammar.ast.PathResult;
import io.mlmd4j.grammar.ast.PropertyMatch;
import io.mlmd4j.grammar.ast.StopCondition;
import io.mlmd4j.grammar.ast.StringLiteral;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns the parse tree of an LQL statement into its AST, filling in the defaults. */
final class StatementBuilder {

  private StatementBuilder() {
  }

  static LqlStatement statement(LqlParser.StatementContext ctx) {
    return ctx.lineageQuery() != null
        ? lineageQuery(ctx.lineageQuery()) : cacheLookup(ctx.cacheLookup());
  }

  private static LineageQuery lineageQuery(LqlParser.LineageQueryContext ctx) {
    Direction direction = ctx.direction() == null ? Direction.BOTH
        : Direction.valueOf(ctx.direction().getText().toUpperCase(Locale.ROOT));
    List<Filter> startSets = new ArrayList<>();
    for (LqlParser.NodeSetContext set : ctx.nodeSet()) {
      startSets.add(filter(set.nodeKind(), set.expression()));
    }
    OptionalInt maxHops = OptionalInt.empty();
    if (ctx.maxHops() != null) {
      Token hops = ctx.maxHops().INTEGER().getSymbol();
      long value = Literals.integer(hops, false);
      if (value > Integer.MAX_VALUE) {
        throw Parsing.error(hops, "MAX HOPS is at most " + Integer.MAX_VALUE, List.of());
      }
      maxHops = OptionalInt.of((int) value);
    }
    List<StopCondition> stops = new ArrayList<>();
    if (ctx.stopClause() != null) {
      for (LqlParser.StopSetContext stop : ctx.stopClause().stopSet()) {
        stops.add(new StopCondition(filter(stop.nodeKind(), stop.expression()),
            stop.INCLUSIVE() != null));
      }
    }
    List<LineageResult> results = new ArrayList<>();
    if (ctx.returnClause() == null) {
      results.add(new GraphResult(GraphResult.DEFAULT_NAME));
    } else {
      Set<String> names = new HashSet<>();
      for (LqlParser.ReturnItemContext item : ctx.returnClause().returnItem()) {
        LineageResult result = result(item);
        if (!names.add(result.name().toLowerCase(Locale.ROOT))) {
          Token at = item.identifier() != null ? item.identifier().getStart() : item.getStart();
          throw Parsing.error(at, "a second result named '" + result.name()
              + "'; name it with AS <name>", List.of());
        }
        results.add(result);
      }
    }
    return new LineageQuery(direction, startSets, maxHops, stops, results);
  }

  private static LineageResult result(LqlParser.ReturnItemContext item) {
    String name = item.identifier() == null ? null : Literals.name(item.identifier());
    LqlParser.ReturnTargetContext target = item.returnTarget();
    if (target instanceof LqlParser.NodesTargetContext nodes) {
      NodeKind kind = nodeKind(nodes.nodeKind());
      return new NodeResult(kind, optionalFilter(kind, nodes.expression()),
          name != null ? name : NodeResult.defaultName(kind));
    } else if (target instanceof LqlParser.EventsTargetContext) {
      return new EventResult(name != null ? name : EventResult.DEFAULT_NAME);
    } else if (target instanceof LqlParser.GraphTargetContext) {
      return new GraphResult(name != null ? name : GraphResult.DEFAULT_NAME);
    }
    LqlParser.PathsTargetContext paths = (LqlParser.PathsTargetContext) target;
    Optional<NodeKind> kind = Optional.ofNullable(paths.nodeKind()).map(StatementBuilder::nodeKind);
    return new PathResult(kind,
        kind.flatMap(k -> optionalFilter(k, paths.expression())),
        name != null ? name : PathResult.DEFAULT_NAME);
  }

  private static CacheLookup cacheLookup(LqlParser.CacheLookupContext ctx) {
    LqlParser.TypeNameContext type = ctx.typeName();
    String typeName = type.STRING() != null
        ? Literals.string(type.STRING().getSymbol()) : Literals.name(type.identifier());
    Optional<String> version = Optional.ofNullable(ctx.STRING())
        .map(node -> Literals.string(node.getSymbol()));
    List<Long> inputs = new ArrayList<>();
    for (TerminalNode node : ctx.INTEGER()) {
      long id = Literals.integer(node.getSymbol(), false);
      if (inputs.contains(id)) {
        throw Parsing.error(node.getSymbol(), "input artifact " + id + " is listed twice",
            List.of());
      }
      inputs.add(id);
    }
    List<PropertyMatch> matches = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (LqlParser.PropertyMatchContext match : ctx.propertyMatch()) {
      String name = Literals.name(match.identifier());
      if (!names.add(name)) {
        throw Parsing.error(match.getStart(), "property '" + name + "' is matched twice",
            List.of());
      }
      matches.add(new PropertyMatch(name, propertyValue(match.propertyValue())));
    }
    return new CacheLookup(typeName, version, inputs, matches,
        optionalFilter(NodeKind.EXECUTION, ctx.expression()));
  }

  private static Literal propertyValue(LqlParser.PropertyValueContext ctx) {
    boolean negative = ctx.MINUS() != null;
    if (ctx.INTEGER() != null) {
      return new IntLiteral(Literals.integer(ctx.INTEGER().getSymbol(), negative));
    } else if (ctx.FLOAT() != null) {
      return new DoubleLiteral(Literals.decimal(ctx.FLOAT().getSymbol(), negative));
    } else if (ctx.STRING() != null) {
      return new StringLiteral(Literals.string(ctx.STRING().getSymbol()));
    }
    return new BooleanLiteral(ctx.getStart().getType() == LqlLexer.TRUE);
  }

  private static NodeKind nodeKind(LqlParser.NodeKindContext ctx) {
    return ctx.ARTIFACTS() != null ? NodeKind.ARTIFACT : NodeKind.EXECUTION;
  }

  private static Filter filter(LqlParser.NodeKindContext kind,
      LqlParser.ExpressionContext condition) {
    return new FilterBuilder(nodeKind(kind)).filter(condition);
  }

  private static Optional<Filter> optionalFilter(NodeKind kind,
      LqlParser.ExpressionContext condition) {
    return condition == null ? Optional.empty()
        : Optional.of(new FilterBuilder(kind).filter(condition));
  }
}
