/**
 * Internal: the lexer, parser and visitor ANTLR generates from {@code Lql.g4} (which imports
 * {@code FilterQuery.g4}). Nothing outside the grammar module uses them; parse trees never leave
 * it.
 */
package io.mlmd4j.grammar.antlr;
