package io.mlmd4j.grammar.ast;

/** A constant. */
public sealed interface Literal extends Expression
    permits IntLiteral, DoubleLiteral, StringLiteral, BooleanLiteral, EnumLiteral {
}
