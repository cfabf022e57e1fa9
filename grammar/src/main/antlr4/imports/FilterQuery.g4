/*
 * MLMD's filter-query language (ListOperationOptions.filter_query): a boolean expression over
 * the attributes, properties and neighbours of one kind of node.
 *
 * Imported by Lql.g4, which generates the one parser for both languages, so a filter parses to
 * the same tree whether it stands alone or inside a lineage query. The rules only say what is
 * well formed; which names exist for which kind of node is checked when the tree becomes the
 * AST (io.mlmd4j.grammar.FilterBuilder).
 *
 * Keywords and names are case-insensitive (the importing grammar sets caseInsensitive); the
 * text of identifiers, strings and property names keeps its case.
 */
grammar FilterQuery;

filterQuery
  : expression EOF
  ;

// Alternatives in precedence order, tightest first: NOT binds tighter than AND, AND than OR.
expression
  : predicate                     # predicateExpression
  | NOT expression                # notExpression
  | expression AND expression     # andExpression
  | expression OR expression      # orExpression
  ;

// The operator comes after the first operand is parsed, so an error there lists every operator.
predicate
  : value predicateTail?
  ;

predicateTail
  : comparisonOperator value                          # comparison
  | NOT? IN LPAREN value (COMMA value)* RPAREN        # inList
  | NOT? LIKE value                                   # like
  | IS NOT? NULL                                      # isNull
  ;

comparisonOperator
  : EQ | NE | LTGT | LT | LE | GT | GE
  ;

// Unary minus binds tightest, then * and /, then + and -.
value
  : MINUS value                           # negation
  | value op=(STAR | SLASH) value         # multiplication
  | value op=(PLUS | MINUS) value         # addition
  | primary                               # primaryValue
  ;

primary
  : literal                               # literalPrimary
  | PROPERTY_PATH                         # propertyPrimary
  | identifier (DOT identifier)*          # referencePrimary
  | LPAREN expression RPAREN              # parenthesized
  ;

literal
  : INTEGER | FLOAT | STRING | TRUE | FALSE
  ;

identifier
  : IDENTIFIER | QUOTED_IDENTIFIER
  ;

AND   : 'AND';
OR    : 'OR';
NOT   : 'NOT';
IN    : 'IN';
LIKE  : 'LIKE';
IS    : 'IS';
NULL  : 'NULL';
TRUE  : 'TRUE';
FALSE : 'FALSE';

EQ     : '=';
NE     : '!=';
LTGT   : '<>';
LE     : '<=';
GE     : '>=';
LT     : '<';
GT     : '>';
PLUS   : '+';
MINUS  : '-';
STAR   : '*';
SLASH  : '/';
LPAREN : '(';
RPAREN : ')';
COMMA  : ',';
DOT    : '.';

// properties.<name>.<field> and custom_properties.<name>.<field> are one token, so a property
// name may be anything MLMD allows there (digits first, a backquoted `my:prop`), and a string
// that merely looks like a path stays a string.
PROPERTY_PATH
  : ('PROPERTIES' | 'CUSTOM_PROPERTIES') '.' (WORD | QUOTED_NAME) '.' WORD
  ;

INTEGER : DIGIT+;

FLOAT
  : DIGIT+ '.' DIGIT* EXPONENT?
  | '.' DIGIT+ EXPONENT?
  | DIGIT+ EXPONENT
  ;

STRING
  : '\'' (~['\\\r\n] | ESCAPE)* '\''
  | '"' (~["\\\r\n] | ESCAPE)* '"'
  ;

IDENTIFIER : [A-Z_] [A-Z_0-9]*;

QUOTED_IDENTIFIER : QUOTED_NAME;

// Never accepted by a parser rule: they exist so that the error names the real problem.
UNTERMINATED_STRING
  : '\'' (~['\\\r\n] | ESCAPE)*
  | '"' (~["\\\r\n] | ESCAPE)*
  ;

UNTERMINATED_QUOTED_IDENTIFIER : '`' (~[`\\\r\n] | ESCAPE)*;

LINE_COMMENT : '--' ~[\r\n]* -> skip;

WHITESPACE : [ \t\r\n\f]+ -> skip;

UNEXPECTED_CHARACTER : .;

fragment WORD        : [A-Z0-9_]+;
fragment QUOTED_NAME : '`' (~[`\\\r\n] | ESCAPE)+ '`';
fragment ESCAPE      : '\\' ~[\r\n];
fragment DIGIT       : [0-9];
fragment EXPONENT    : 'E' [+-]? DIGIT+;
