package io.mlmd4j.grammar.ast;

/** A parsed LQL statement: a lineage walk or a cache lookup. */
public sealed interface LqlStatement permits LineageQuery, CacheLookup {

  /** The statement as LQL text, every default spelled out, that parses back to an equal one. */
  default String unparse() {
    return Unparser.statement(this);
  }
}
