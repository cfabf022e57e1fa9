package io.mlmd4j.grammar;

import io.mlmd4j.grammar.ast.And;
import io.mlmd4j.grammar.ast.Arithmetic;
import io.mlmd4j.grammar.ast.Attribute;
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
import java.util.List;

/** Short builders of expected trees. */
final class Trees {

  private Trees() {
  }

  static Filter artifacts(Expression condition) {
    return new Filter(NodeKind.ARTIFACT, condition);
  }

  static Filter executions(Expression condition) {
    return new Filter(NodeKind.EXECUTION, condition);
  }

  static NodeAttribute attr(Attribute attribute) {
    return new NodeAttribute(attribute);
  }

  static NeighbourAttribute neighbour(NeighbourKind kind, String alias, Attribute attribute) {
    return new NeighbourAttribute(new Neighbour(kind, alias), attribute);
  }

  static PropertyRef property(String name, ValueField field) {
    return new PropertyRef(name, false, field);
  }

  static PropertyRef customProperty(String name, ValueField field) {
    return new PropertyRef(name, true, field);
  }

  static IntLiteral i(long value) {
    return new IntLiteral(value);
  }

  static DoubleLiteral d(double value) {
    return new DoubleLiteral(value);
  }

  static StringLiteral s(String value) {
    return new StringLiteral(value);
  }

  static BooleanLiteral b(boolean value) {
    return new BooleanLiteral(value);
  }

  static EnumLiteral artifactState(String name) {
    return new EnumLiteral(EnumType.ARTIFACT_STATE, name);
  }

  static EnumLiteral executionState(String name) {
    return new EnumLiteral(EnumType.EXECUTION_STATE, name);
  }

  static EnumLiteral eventType(String name) {
    return new EnumLiteral(EnumType.EVENT_TYPE, name);
  }

  static Comparison eq(Expression left, Expression right) {
    return new Comparison(Comparison.Operator.EQUALS, left, right);
  }

  static Comparison ne(Expression left, Expression right) {
    return new Comparison(Comparison.Operator.NOT_EQUALS, left, right);
  }

  static Comparison lt(Expression left, Expression right) {
    return new Comparison(Comparison.Operator.LESS, left, right);
  }

  static Comparison le(Expression left, Expression right) {
    return new Comparison(Comparison.Operator.LESS_OR_EQUAL, left, right);
  }

  static Comparison gt(Expression left, Expression right) {
    return new Comparison(Comparison.Operator.GREATER, left, right);
  }

  static Comparison ge(Expression left, Expression right) {
    return new Comparison(Comparison.Operator.GREATER_OR_EQUAL, left, right);
  }

  static InList in(Expression operand, Expression... values) {
    return new InList(operand, List.of(values), false);
  }

  static InList notIn(Expression operand, Expression... values) {
    return new InList(operand, List.of(values), true);
  }

  static Like like(Expression operand, String pattern) {
    return new Like(operand, s(pattern), false);
  }

  static IsNull isNull(Expression operand) {
    return new IsNull(operand, false);
  }

  static IsNull isNotNull(Expression operand) {
    return new IsNull(operand, true);
  }

  static Not not(Expression operand) {
    return new Not(operand);
  }

  static And and(Expression... operands) {
    return new And(List.of(operands));
  }

  static Or or(Expression... operands) {
    return new Or(List.of(operands));
  }

  static Arithmetic plus(Expression left, Expression right) {
    return new Arithmetic(Arithmetic.Operator.PLUS, left, right);
  }

  static Arithmetic minus(Expression left, Expression right) {
    return new Arithmetic(Arithmetic.Operator.MINUS, left, right);
  }

  static Arithmetic times(Expression left, Expression right) {
    return new Arithmetic(Arithmetic.Operator.TIMES, left, right);
  }

  static Arithmetic divide(Expression left, Expression right) {
    return new Arithmetic(Arithmetic.Operator.DIVIDE, left, right);
  }

  static Negation negate(Expression operand) {
    return new Negation(operand);
  }
}
