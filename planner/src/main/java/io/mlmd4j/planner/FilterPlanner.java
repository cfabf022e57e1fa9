package io.mlmd4j.planner;

import io.mlmd4j.grammar.ast.And;
import io.mlmd4j.grammar.ast.Arithmetic;
import io.mlmd4j.grammar.ast.Attribute;
import io.mlmd4j.grammar.ast.AttributeRef;
import io.mlmd4j.grammar.ast.BooleanLiteral;
import io.mlmd4j.grammar.ast.Comparison;
import io.mlmd4j.grammar.ast.DoubleLiteral;
import io.mlmd4j.grammar.ast.EnumLiteral;
import io.mlmd4j.grammar.ast.Expression;
import io.mlmd4j.grammar.ast.Filter;
import io.mlmd4j.grammar.ast.InList;
import io.mlmd4j.grammar.ast.IntLiteral;
import io.mlmd4j.grammar.ast.IsNull;
import io.mlmd4j.grammar.ast.Like;
import io.mlmd4j.grammar.ast.Negation;
import io.mlmd4j.grammar.ast.Neighbour;
import io.mlmd4j.grammar.ast.NeighbourAttribute;
import io.mlmd4j.grammar.ast.NeighbourKind;
import io.mlmd4j.grammar.ast.NodeAttribute;
import io.mlmd4j.grammar.ast.NodeKind;
import io.mlmd4j.grammar.ast.Not;
import io.mlmd4j.grammar.ast.Or;
import io.mlmd4j.grammar.ast.PropertyRef;
import io.mlmd4j.grammar.ast.StringLiteral;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;

/**
 * Plans a filter query as the ids of the nodes it selects, with MLMD's meaning: the node table,
 * inner-joined with one row per neighbour alias (the same alias is the same row), per property
 * read (by name and kind, one row per node) and with the type table when a type name is read;
 * the condition over those rows; the node ids. A node without a neighbour or property the filter
 * reads is therefore never selected, even when the read is under OR or NOT. A node joined with
 * several neighbours appears once per neighbour: the ids are used as {@code IN (...)} or joined
 * under a {@code DISTINCT}, and without a {@code GROUP BY} of their own the databases merge them
 * into the statement that uses them.
 */
final class FilterPlanner {

  /** The alias of the listed node table. */
  static final String NODE = "n";

  private final RelBuilder builder;
  private final Parameters parameters;
  /** The joins the filter needs, by what they join, with their aliases, in order of first use. */
  private final Map<Object, String> joins = new LinkedHashMap<>();

  FilterPlanner(RelBuilder builder, Parameters parameters) {
    this.builder = builder;
    this.parameters = parameters;
  }

  /** What a property read joins: the property row of that name and kind. */
  private record PropertyJoin(String name, boolean custom) {}

  /** What reading a type name joins: the type of the node, or of a neighbour (null: the node). */
  private record TypeJoin(Neighbour of) {}

  /** Plans {@code SELECT n.id} of the nodes the filter selects, for {@code IN (...)}. */
  RelNode ids(Filter filter) {
    scanWithJoins(filter);
    builder.project(builder.field(NODE, "id"));
    return builder.build();
  }

  /**
   * Pushes the node table, joined as {@code filter} needs and filtered by it; the node's
   * columns are then reachable as {@code field("n", column)}.
   */
  private void scanWithJoins(Filter filter) {
    collectJoins(filter.condition());
    NodeKind kind = filter.nodeKind();
    builder.scan(Tables.node(kind)).as(NODE);
    for (Map.Entry<Object, String> join : joins.entrySet()) {
      addJoin(kind, join.getKey(), join.getValue());
    }
    builder.filter(translate(filter.condition()));
  }

  private void collectJoins(Expression e) {
    if (e instanceof PropertyRef p) {
      joins.putIfAbsent(new PropertyJoin(p.name(), p.custom()), "p" + joins.size());
    } else if (e instanceof NodeAttribute a) {
      if (a.attribute() == Attribute.TYPE) {
        joins.putIfAbsent(new TypeJoin(null), "t" + joins.size());
      }
    } else if (e instanceof NeighbourAttribute a) {
      joins.putIfAbsent(a.neighbour(), "m" + joins.size());
      if (a.attribute() == Attribute.TYPE) {
        joins.putIfAbsent(new TypeJoin(a.neighbour()), "t" + joins.size());
      }
    } else if (e instanceof Comparison c) {
      collectJoins(c.left());
      collectJoins(c.right());
    } else if (e instanceof InList in) {
      collectJoins(in.operand());
      in.values().forEach(this::collectJoins);
    } else if (e instanceof Like like) {
      collectJoins(like.operand());
      collectJoins(like.pattern());
    } else if (e instanceof IsNull isNull) {
      collectJoins(isNull.operand());
    } else if (e instanceof Not not) {
      collectJoins(not.operand());
    } else if (e instanceof And and) {
      and.operands().forEach(this::collectJoins);
    } else if (e instanceof Or or) {
      or.operands().forEach(this::collectJoins);
    } else if (e instanceof Arithmetic arithmetic) {
      collectJoins(arithmetic.left());
      collectJoins(arithmetic.right());
    } else if (e instanceof Negation negation) {
      collectJoins(negation.operand());
    }
  }

  private void addJoin(NodeKind kind, Object what, String alias) {
    if (what instanceof PropertyJoin p) {
      builder.scan(Tables.property(kind)).as(alias);
      builder.join(JoinRelType.INNER, builder.and(
          builder.equals(builder.field(2, NODE, "id"),
              builder.field(2, alias, Tables.idColumn(kind))),
          builder.equals(builder.field(2, alias, "name"),
              parameters.add(p.name(), SqlTypeName.VARCHAR)),
          builder.equals(builder.field(2, alias, "is_custom_property"),
              builder.literal(p.custom() ? 1 : 0))));
    } else if (what instanceof TypeJoin t) {
      String owner = t.of() == null ? NODE : joins.get(t.of());
      builder.scan("Type").as(alias);
      builder.join(JoinRelType.INNER, builder.equals(builder.field(2, owner, "type_id"),
          builder.field(2, alias, "id")));
    } else {
      Neighbour n = (Neighbour) what;
      if (n.kind() == NeighbourKind.EVENTS) {
        builder.scan("Event").as(alias);
        builder.join(JoinRelType.INNER, builder.equals(builder.field(2, NODE, "id"),
            builder.field(2, alias, Tables.idColumn(kind))));
        return;
      }
      Tables.Link link = Tables.link(kind, n.kind());
      String linkAlias = "l" + alias;
      builder.scan(link.table()).as(linkAlias);
      builder.join(JoinRelType.INNER, builder.equals(builder.field(2, NODE, "id"),
          builder.field(2, linkAlias, link.nodeColumn())));
      builder.scan(Tables.node(n.kind().nodeKind())).as(alias);
      builder.join(JoinRelType.INNER, builder.equals(
          builder.field(2, linkAlias, link.neighbourColumn()), builder.field(2, alias, "id")));
    }
  }

  private RexNode translate(Expression e) {
    if (e instanceof IntLiteral i) {
      return parameters.add(i.value(), SqlTypeName.BIGINT);
    } else if (e instanceof DoubleLiteral d) {
      return parameters.add(d.value(), SqlTypeName.DOUBLE);
    } else if (e instanceof StringLiteral s) {
      return parameters.add(s.value(), SqlTypeName.VARCHAR);
    } else if (e instanceof BooleanLiteral b) {
      return builder.literal(b.value());
    } else if (e instanceof EnumLiteral en) {
      return builder.literal(en.number());
    } else if (e instanceof NodeAttribute a) {
      return a.attribute() == Attribute.TYPE
          ? builder.field(joins.get(new TypeJoin(null)), "name")
          : builder.field(NODE, column(a.attribute()));
    } else if (e instanceof NeighbourAttribute a) {
      return a.attribute() == Attribute.TYPE
          ? builder.field(joins.get(new TypeJoin(a.neighbour())), "name")
          : builder.field(joins.get(a.neighbour()), column(a.attribute()));
    } else if (e instanceof PropertyRef p) {
      return builder.field(joins.get(new PropertyJoin(p.name(), p.custom())), p.field().text());
    } else if (e instanceof Comparison c) {
      return comparison(c);
    } else if (e instanceof InList in) {
      return in(in);
    } else if (e instanceof Like like) {
      return builder.call(like.negated() ? SqlStdOperatorTable.NOT_LIKE : SqlStdOperatorTable.LIKE,
          translate(like.operand()), translate(like.pattern()));
    } else if (e instanceof IsNull isNull) {
      RexNode operand = translate(isNull.operand());
      return isNull.negated() ? builder.isNotNull(operand) : builder.isNull(operand);
    } else if (e instanceof Not not) {
      return builder.not(translate(not.operand()));
    } else if (e instanceof And and) {
      return builder.and(translateAll(and.operands()));
    } else if (e instanceof Or or) {
      return builder.or(translateAll(or.operands()));
    } else if (e instanceof Arithmetic arithmetic) {
      return arithmetic(arithmetic);
    } else {
      return builder.call(SqlStdOperatorTable.UNARY_MINUS,
          translate(((Negation) e).operand()));
    }
  }

  private List<RexNode> translateAll(List<Expression> expressions) {
    List<RexNode> nodes = new ArrayList<>(expressions.size());
    for (Expression e : expressions) {
      nodes.add(translate(e));
    }
    return nodes;
  }

  private static String column(Attribute attribute) {
    return attribute == Attribute.EVENT_TYPE ? "type" : attribute.text();
  }

  private RexNode comparison(Comparison c) {
    RexNode left = translate(c.left());
    RexNode right = translate(c.right());
    return switch (c.operator()) {
      case EQUALS -> builder.equals(left, right);
      case NOT_EQUALS -> {
        RexNode differs = builder.notEquals(left, right);
        // MLMD: "state != LIVE" also selects nodes without a state.
        AttributeRef enumAttribute = enumAttributeAgainstName(c.left(), c.right());
        yield enumAttribute == null ? differs : builder.or(differs,
            builder.isNull(enumAttribute == c.left() ? left : right));
      }
      case LESS -> builder.lessThan(left, right);
      case LESS_OR_EQUAL -> builder.lessThanOrEqual(left, right);
      case GREATER -> builder.greaterThan(left, right);
      case GREATER_OR_EQUAL -> builder.greaterThanOrEqual(left, right);
    };
  }

  /** The enum attribute of {@code a op b} when the other side names one of its values. */
  private static AttributeRef enumAttributeAgainstName(Expression a, Expression b) {
    if (a instanceof AttributeRef ref && ref.attribute().enumType() != null
        && b instanceof EnumLiteral) {
      return ref;
    }
    if (b instanceof AttributeRef ref && ref.attribute().enumType() != null
        && a instanceof EnumLiteral) {
      return ref;
    }
    return null;
  }

  private RexNode in(InList in) {
    RexNode operand = translate(in.operand());
    List<RexNode> equalities = new ArrayList<>();
    for (Expression value : in.values()) {
      equalities.add(builder.equals(operand, translate(value)));
    }
    RexNode any = equalities.size() == 1 ? equalities.get(0) : builder.or(equalities);
    if (!in.negated()) {
      return any;
    }
    RexNode none = builder.not(any);
    // MLMD: "state NOT IN (LIVE)" also selects nodes without a state.
    boolean enumNames = in.operand() instanceof AttributeRef ref
        && ref.attribute().enumType() != null
        && in.values().stream().anyMatch(v -> v instanceof EnumLiteral);
    return enumNames ? builder.or(none, builder.isNull(operand)) : none;
  }

  private RexNode arithmetic(Arithmetic a) {
    RexNode left = translate(a.left());
    RexNode right = translate(a.right());
    return switch (a.operator()) {
      case PLUS -> builder.call(SqlStdOperatorTable.PLUS, left, right);
      case MINUS -> builder.call(SqlStdOperatorTable.MINUS, left, right);
      case TIMES -> builder.call(SqlStdOperatorTable.MULTIPLY, left, right);
      // As MLMD's analyzer: division always gives a double.
      case DIVIDE -> builder.call(SqlStdOperatorTable.DIVIDE,
          builder.cast(left, SqlTypeName.DOUBLE), right);
    };
  }
}
