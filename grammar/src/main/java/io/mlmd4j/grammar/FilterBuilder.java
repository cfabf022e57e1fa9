package io.mlmd4j.grammar;

import io.mlmd4j.grammar.antlr.LqlBaseVisitor;
import io.mlmd4j.grammar.antlr.LqlLexer;
import io.mlmd4j.grammar.antlr.LqlParser;
import io.mlmd4j.grammar.ast.And;
import io.mlmd4j.grammar.ast.Arithmetic;
import io.mlmd4j.grammar.ast.Attribute;
import io.mlmd4j.grammar.ast.AttributeRef;
import io.mlmd4j.grammar.ast.BooleanLiteral;
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
import io.mlmd4j.grammar.ast.Literal;
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
import io.mlmd4j.grammar.ast.ValueField;
import io.mlmd4j.grammar.ast.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/**
 * Turns the parse tree of a filter into its AST for one kind of node, checking what the grammar
 * cannot: that every name exists for that kind of node, enum names belong to the attribute they
 * are compared with, and operands have types their operators take.
 */
final class FilterBuilder extends LqlBaseVisitor<Expression> {

  private static final Pattern ALIAS = Pattern.compile("[0-9a-z_]+");
  private static final String PROPERTIES = "properties";
  private static final String CUSTOM_PROPERTIES = "custom_properties";

  private final NodeKind nodeKind;

  FilterBuilder(NodeKind nodeKind) {
    this.nodeKind = nodeKind;
  }

  /** The filter whose condition is {@code tree}. */
  Filter filter(LqlParser.ExpressionContext tree) {
    return new Filter(nodeKind, bool(tree, "a filter"));
  }

  @Override public Expression visitPredicateExpression(
      LqlParser.PredicateExpressionContext ctx) {
    return visit(ctx.predicate());
  }

  @Override public Expression visitNotExpression(LqlParser.NotExpressionContext ctx) {
    return new Not(bool(ctx.expression(), "NOT"));
  }

  @Override public Expression visitAndExpression(LqlParser.AndExpressionContext ctx) {
    List<Expression> operands = new ArrayList<>();
    chain(ctx, LqlParser.AndExpressionContext.class, "AND", operands);
    return new And(operands);
  }

  @Override public Expression visitOrExpression(LqlParser.OrExpressionContext ctx) {
    List<Expression> operands = new ArrayList<>();
    chain(ctx, LqlParser.OrExpressionContext.class, "OR", operands);
    return new Or(operands);
  }

  /** Adds the operands of an unparenthesized chain {@code a OP b OP c}, a left-deep tree. */
  private void chain(LqlParser.ExpressionContext ctx,
      Class<? extends LqlParser.ExpressionContext> operator, String name,
      List<Expression> operands) {
    for (LqlParser.ExpressionContext operand : ctx.getRuleContexts(
        LqlParser.ExpressionContext.class)) {
      if (operator.isInstance(operand)) {
        chain(operand, operator, name, operands);
      } else {
        operands.add(bool(operand, name));
      }
    }
  }

  @Override public Expression visitPredicate(LqlParser.PredicateContext ctx) {
    LqlParser.ValueContext leftTree = ctx.value();
    LqlParser.PredicateTailContext tail = ctx.predicateTail();
    if (tail == null) {
      return visit(leftTree);
    } else if (tail instanceof LqlParser.ComparisonContext comparison) {
      return comparison(leftTree, comparison);
    } else if (tail instanceof LqlParser.InListContext in) {
      return inList(leftTree, in);
    } else if (tail instanceof LqlParser.LikeContext like) {
      return like(leftTree, like);
    }
    return new IsNull(visit(leftTree), ((LqlParser.IsNullContext) tail).NOT() != null);
  }

  private Expression comparison(LqlParser.ValueContext leftTree,
      LqlParser.ComparisonContext ctx) {
    LqlParser.ValueContext rightTree = ctx.value();
    Expression left = operand(leftTree, enumTypeOf(rightTree));
    Expression right = operand(rightTree, enumTypeOf(leftTree));
    Token operator = ctx.comparisonOperator().getStart();
    requireComparable(operator, left, right);
    return new Comparison(comparisonOperator(operator), left, right);
  }

  private static Comparison.Operator comparisonOperator(Token token) {
    return switch (token.getType()) {
      case LqlLexer.EQ -> Comparison.Operator.EQUALS;
      case LqlLexer.NE, LqlLexer.LTGT -> Comparison.Operator.NOT_EQUALS;
      case LqlLexer.LT -> Comparison.Operator.LESS;
      case LqlLexer.LE -> Comparison.Operator.LESS_OR_EQUAL;
      case LqlLexer.GT -> Comparison.Operator.GREATER;
      default -> Comparison.Operator.GREATER_OR_EQUAL;
    };
  }

  private Expression inList(LqlParser.ValueContext operandTree, LqlParser.InListContext ctx) {
    Expression operand = visit(operandTree);
    EnumType enumType = enumTypeOf(operandTree);
    List<Expression> values = new ArrayList<>();
    for (LqlParser.ValueContext tree : ctx.value()) {
      Expression value = operand(tree, enumType);
      requireComparable(tree.getStart(), operand, value);
      values.add(value);
    }
    return new InList(operand, values, ctx.NOT() != null);
  }

  private Expression like(LqlParser.ValueContext operandTree, LqlParser.LikeContext ctx) {
    Expression operand = visit(operandTree);
    Expression pattern = visit(ctx.value());
    for (Expression e : List.of(operand, pattern)) {
      if (e.type() != ValueType.STRING) {
        throw Parsing.error(ctx.LIKE().getSymbol(),
            "LIKE compares strings, not " + a(e.type()), List.of());
      }
    }
    return new Like(operand, pattern, ctx.NOT() != null);
  }

  @Override public Expression visitNegation(LqlParser.NegationContext ctx) {
    LqlParser.LiteralContext literal = literalOf(ctx.value());
    if (literal != null && literal.INTEGER() != null) {
      return new IntLiteral(Literals.integer(literal.getStart(), true));
    } else if (literal != null && literal.FLOAT() != null) {
      return new DoubleLiteral(Literals.decimal(literal.getStart(), true));
    }
    Expression operand = visit(ctx.value());
    requireNumeric(ctx.MINUS().getSymbol(), operand);
    return new Negation(operand);
  }

  @Override public Expression visitMultiplication(LqlParser.MultiplicationContext ctx) {
    return arithmetic(ctx.op, ctx.value(0), ctx.value(1));
  }

  @Override public Expression visitAddition(LqlParser.AdditionContext ctx) {
    return arithmetic(ctx.op, ctx.value(0), ctx.value(1));
  }

  private Expression arithmetic(Token operator, LqlParser.ValueContext leftTree,
      LqlParser.ValueContext rightTree) {
    Expression left = visit(leftTree);
    Expression right = visit(rightTree);
    requireNumeric(operator, left);
    requireNumeric(operator, right);
    Arithmetic.Operator op = switch (operator.getType()) {
      case LqlLexer.PLUS -> Arithmetic.Operator.PLUS;
      case LqlLexer.MINUS -> Arithmetic.Operator.MINUS;
      case LqlLexer.STAR -> Arithmetic.Operator.TIMES;
      default -> Arithmetic.Operator.DIVIDE;
    };
    return new Arithmetic(op, left, right);
  }

  @Override public Expression visitPrimaryValue(LqlParser.PrimaryValueContext ctx) {
    return visit(ctx.primary());
  }

  @Override public Expression visitParenthesized(LqlParser.ParenthesizedContext ctx) {
    return visit(ctx.expression());
  }

  @Override public Expression visitLiteralPrimary(LqlParser.LiteralPrimaryContext ctx) {
    return literal(ctx.literal());
  }

  /** The value of a literal as written (no sign). */
  static Literal literal(LqlParser.LiteralContext ctx) {
    Token token = ctx.getStart();
    return switch (token.getType()) {
      case LqlLexer.INTEGER -> new IntLiteral(Literals.integer(token, false));
      case LqlLexer.FLOAT -> new DoubleLiteral(Literals.decimal(token, false));
      case LqlLexer.STRING -> new StringLiteral(Literals.string(token));
      default -> new BooleanLiteral(token.getType() == LqlLexer.TRUE);
    };
  }

  @Override public Expression visitPropertyPrimary(LqlParser.PropertyPrimaryContext ctx) {
    Token token = ctx.PROPERTY_PATH().getSymbol();
    String text = token.getText();
    int nameStart = text.indexOf('.') + 1;
    int fieldStart = text.lastIndexOf('.') + 1;
    boolean custom = lower(text.substring(0, nameStart - 1)).equals(CUSTOM_PROPERTIES);
    String name = text.substring(nameStart, fieldStart - 1);
    if (name.startsWith("`")) {
      name = Literals.unquote(token, nameStart, name);
    }
    String fieldName = lower(text.substring(fieldStart));
    for (ValueField field : ValueField.values()) {
      if (field.text().equals(fieldName)) {
        return new PropertyRef(name, custom, field);
      }
    }
    throw Parsing.error(token, fieldStart, "unknown value field '" + fieldName + "'",
        valueFields());
  }

  @Override public Expression visitReferencePrimary(LqlParser.ReferencePrimaryContext ctx) {
    return reference(ctx);
  }

  /**
   * The operand {@code tree}, where a bare name is taken for a value of {@code enumType} when
   * that is the type of the other side.
   */
  private Expression operand(LqlParser.ValueContext tree, EnumType enumType) {
    LqlParser.ReferencePrimaryContext reference = referenceOf(tree);
    if (enumType != null && reference != null && reference.identifier().size() == 1) {
      String name = Literals.name(reference.identifier(0));
      if (enumType.contains(name)) {
        return new EnumLiteral(enumType, name);
      } else if (nodeKind.attribute(lower(name)) == null) {
        throw Parsing.error(reference.getStart(),
            "unknown " + enumType.displayName() + " '" + name + "'", enumType.names());
      }
    }
    return visit(tree);
  }

  /** The enum whose names the other side of a comparison with {@code tree} may use, or null. */
  private EnumType enumTypeOf(LqlParser.ValueContext tree) {
    LqlParser.ReferencePrimaryContext reference = referenceOf(tree);
    if (reference == null) {
      return null;
    }
    try {
      return reference(reference).attribute().enumType();
    } catch (QuerySyntaxException notAnAttribute) {
      // Reported, if still wrong, when the operand itself is built.
      return null;
    }
  }

  private static LqlParser.ReferencePrimaryContext referenceOf(LqlParser.ValueContext tree) {
    return tree instanceof LqlParser.PrimaryValueContext value
        && value.primary() instanceof LqlParser.ReferencePrimaryContext reference
        ? reference : null;
  }

  private static LqlParser.LiteralContext literalOf(LqlParser.ValueContext tree) {
    return tree instanceof LqlParser.PrimaryValueContext value
        && value.primary() instanceof LqlParser.LiteralPrimaryContext literal
        ? literal.literal() : null;
  }

  /** An attribute of the node ({@code name}) or of a neighbour ({@code contexts_a.name}). */
  private AttributeRef reference(LqlParser.ReferencePrimaryContext ctx) {
    List<LqlParser.IdentifierContext> parts = ctx.identifier();
    Token start = ctx.getStart();
    String first = Literals.name(parts.get(0));
    String firstLower = lower(first);
    if (firstLower.equals(PROPERTIES) || firstLower.equals(CUSTOM_PROPERTIES)) {
      String example = firstLower + ".<name>.<field>";
      throw Parsing.error(start, parts.size() < 3
          ? "a property is read as " + example
          : "a property is read as " + example + ", with no spaces", valueFields());
    }
    NeighbourKind neighbourKind = neighbourKind(firstLower);
    if (parts.size() == 1) {
      Attribute attribute = nodeKind.attribute(firstLower);
      if (attribute != null) {
        return new NodeAttribute(attribute);
      } else if (neighbourKind != null) {
        throw Parsing.error(start, "neighbour " + first + " is read as " + first + ".<field>",
            texts(neighbourKind.attributes()));
      }
      throw Parsing.error(start, "unknown attribute '" + first + "'", names());
    }
    if (neighbourKind == null || !nodeKind.neighbours().contains(neighbourKind)) {
      String reason = neighbourKind == null
          ? "unknown neighbour '" + first + "'"
          : neighbourKind.prefix() + "<alias> is not a neighbour of " + plural(nodeKind);
      throw Parsing.error(start, reason, neighbourPatterns());
    }
    String alias = firstLower.substring(neighbourKind.prefix().length());
    if (!ALIAS.matcher(alias).matches()) {
      throw Parsing.error(start, "a neighbour alias is letters, digits and underscores after "
          + neighbourKind.prefix(), List.of(neighbourKind.prefix() + "<alias>"));
    }
    LqlParser.IdentifierContext second = parts.get(1);
    String attributeName = Literals.name(second);
    Attribute attribute = neighbourKind.attribute(lower(attributeName));
    if (attribute == null) {
      throw Parsing.error(second.getStart(),
          "unknown attribute '" + attributeName + "' of " + first,
          texts(neighbourKind.attributes()));
    }
    if (parts.size() > 2) {
      throw Parsing.error(parts.get(2).getStart(),
          "unexpected '" + Literals.name(parts.get(2)) + "' after " + first + "."
              + attributeName, List.of());
    }
    return new NeighbourAttribute(new Neighbour(neighbourKind, alias), attribute);
  }

  private static NeighbourKind neighbourKind(String name) {
    for (NeighbourKind kind : NeighbourKind.values()) {
      if (name.startsWith(kind.prefix())) {
        return kind;
      }
    }
    return null;
  }

  /** Everything a name may start with on this kind of node, for error messages. */
  private List<String> names() {
    List<String> names = new ArrayList<>(texts(nodeKind.attributes()));
    names.add(PROPERTIES + ".<name>.<field>");
    names.add(CUSTOM_PROPERTIES + ".<name>.<field>");
    for (String neighbour : neighbourPatterns()) {
      names.add(neighbour + ".<field>");
    }
    return names;
  }

  private List<String> neighbourPatterns() {
    List<String> patterns = new ArrayList<>();
    for (NeighbourKind kind : nodeKind.neighbours()) {
      patterns.add(kind.prefix() + "<alias>");
    }
    return patterns;
  }

  private static List<String> texts(List<Attribute> attributes) {
    List<String> texts = new ArrayList<>();
    for (Attribute attribute : attributes) {
      texts.add(attribute.text());
    }
    return texts;
  }

  private static List<String> valueFields() {
    List<String> fields = new ArrayList<>();
    for (ValueField field : ValueField.values()) {
      fields.add(field.text());
    }
    return fields;
  }

  private Expression bool(LqlParser.ExpressionContext tree, String user) {
    Expression e = visit(tree);
    if (e.type() != ValueType.BOOLEAN) {
      throw Parsing.error(tree.getStart(),
          user + " needs a boolean expression, not " + a(e.type()), List.of());
    }
    return e;
  }

  private static void requireComparable(Token at, Expression left, Expression right) {
    if (!left.type().isComparableWith(right.type())) {
      throw Parsing.error(at, "cannot compare " + a(left.type()) + " with " + a(right.type()),
          List.of());
    }
  }

  private static void requireNumeric(Token operator, Expression operand) {
    if (!operand.type().isNumeric()) {
      throw Parsing.error(operator,
          "'" + operator.getText() + "' takes numbers, not " + a(operand.type()), List.of());
    }
  }

  /** "an integer", "a string": a type with its article. */
  private static String a(ValueType type) {
    return (type == ValueType.INTEGER ? "an " : "a ") + type.displayName();
  }

  private static String plural(NodeKind kind) {
    return lower(kind.name()) + "s";
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
