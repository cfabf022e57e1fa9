/**
 * Parsers of MLMD's filter-query language ({@link io.mlmd4j.grammar.FilterQueries}) and of the
 * lineage query language ({@link io.mlmd4j.grammar.Lql}) into the immutable AST of
 * {@link io.mlmd4j.grammar.ast}; both fail with {@link io.mlmd4j.grammar.QuerySyntaxException}.
 */
package io.mlmd4j.grammar;
