/*
 * The lineage query language (LQL): lineage walks and the cache lookup, with MLMD's filter
 * language (imported from FilterQuery.g4) for every node condition. This grammar generates the
 * one lexer and parser of both languages: a stand-alone filter is parsed with rule filterQuery.
 *
 * Every LQL keyword is non-reserved, so `type`, `CACHED` or `max` keep working as attribute,
 * enum and alias names inside filters; only the filter keywords (AND, OR, NOT, IN, LIKE, IS,
 * NULL, TRUE, FALSE) are reserved, as in SQL.
 */
grammar Lql;

import FilterQuery;

options {
  caseInsensitive = true;
}

statement
  : (lineageQuery | cacheLookup) SEMICOLON? EOF
  ;

lineageQuery
  : LINEAGE direction? OF nodeSet (COMMA nodeSet)* maxHops? stopClause? returnClause?
  ;

direction
  : UPSTREAM | DOWNSTREAM | BOTH
  ;

nodeSet
  : nodeKind WHERE expression
  ;

nodeKind
  : ARTIFACTS | EXECUTIONS
  ;

maxHops
  : MAX HOPS INTEGER
  ;

stopClause
  : STOP AT stopSet (COMMA stopSet)*
  ;

stopSet
  : nodeKind WHERE expression INCLUSIVE?
  ;

returnClause
  : RETURN returnItem (COMMA returnItem)*
  ;

returnItem
  : returnTarget (AS identifier)?
  ;

returnTarget
  : nodeKind (WHERE expression)?                    # nodesTarget
  | EVENTS                                          # eventsTarget
  | GRAPH                                           # graphTarget
  | PATHS (TO nodeKind (WHERE expression)?)?        # pathsTarget
  ;

cacheLookup
  : CACHED EXECUTIONS OF TYPE typeName (VERSION STRING)?
    WITH INPUTS LPAREN (INTEGER (COMMA INTEGER)*)? RPAREN
    (MATCHING PROPERTIES LPAREN propertyMatch (COMMA propertyMatch)* RPAREN)?
    (WHERE expression)?
  ;

typeName
  : STRING | identifier
  ;

propertyMatch
  : identifier EQ propertyValue
  ;

propertyValue
  : MINUS? (INTEGER | FLOAT)
  | STRING
  | TRUE
  | FALSE
  ;

// Overrides FilterQuery's rule: LQL keywords stay usable as names.
identifier
  : IDENTIFIER
  | QUOTED_IDENTIFIER
  | nonReservedKeyword
  ;

nonReservedKeyword
  : AS | AT | ARTIFACTS | BOTH | CACHED | DOWNSTREAM | EVENTS | EXECUTIONS | GRAPH | HOPS
  | INCLUSIVE | INPUTS | LINEAGE | MATCHING | MAX | OF | PATHS | PROPERTIES | RETURN | STOP
  | TO | TYPE | UPSTREAM | VERSION | WHERE | WITH
  ;

// Declared before the imported IDENTIFIER rule, so they win over it.
AS         : 'AS';
AT         : 'AT';
ARTIFACTS  : 'ARTIFACTS';
BOTH       : 'BOTH';
CACHED     : 'CACHED';
DOWNSTREAM : 'DOWNSTREAM';
EVENTS     : 'EVENTS';
EXECUTIONS : 'EXECUTIONS';
GRAPH      : 'GRAPH';
HOPS       : 'HOPS';
INCLUSIVE  : 'INCLUSIVE';
INPUTS     : 'INPUTS';
LINEAGE    : 'LINEAGE';
MATCHING   : 'MATCHING';
MAX        : 'MAX';
OF         : 'OF';
PATHS      : 'PATHS';
PROPERTIES : 'PROPERTIES';
RETURN     : 'RETURN';
STOP       : 'STOP';
TO         : 'TO';
TYPE       : 'TYPE';
UPSTREAM   : 'UPSTREAM';
VERSION    : 'VERSION';
WHERE      : 'WHERE';
WITH       : 'WITH';
SEMICOLON  : ';';
