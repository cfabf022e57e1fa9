/**
 * The immutable AST of filter queries and LQL statements: records that compare by value, with
 * the MLMD vocabulary they name (attributes, neighbours, enum values and their numbers). Every
 * tree prints back as text that parses to an equal tree ({@code unparse()}).
 */
package io.mlmd4j.grammar.ast;
