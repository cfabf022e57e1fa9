package io.mlmd4j.grammar;

import io.mlmd4j.grammar.antlr.LqlLexer;
import io.mlmd4j.grammar.antlr.LqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Makes the ANTLR parser for a text, silenced: the first syntax error becomes a
 * {@link QuerySyntaxException} that says what was expected, and nothing reaches the console.
 */
final class Parsing {

  /** Tokens that are also names: left out of "expected" lists that already offer a name. */
  private static final IntervalSet NON_RESERVED = LqlParser._ATN.nextTokens(
      LqlParser._ATN.ruleToStartState[LqlParser.RULE_nonReservedKeyword]);

  private static final BaseErrorListener THROWING = new BaseErrorListener() {
    @Override public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol,
        int line, int charPositionInLine, String msg, RecognitionException e) {
      if (!(offendingSymbol instanceof Token token)) {
        // The lexer has a rule for every character, so this is only a guard.
        throw new QuerySyntaxException(msg, line, charPositionInLine + 1, List.of());
      }
      switch (token.getType()) {
        case LqlLexer.UNTERMINATED_STRING ->
            throw error(token, "unterminated string literal", List.of());
        case LqlLexer.UNTERMINATED_QUOTED_IDENTIFIER ->
            throw error(token, "unterminated quoted name", List.of());
        case LqlLexer.UNEXPECTED_CHARACTER ->
            throw error(token, "unexpected character '" + token.getText() + "'", List.of());
        default -> {
          Parser parser = (Parser) recognizer;
          IntervalSet expected = new IntervalSet(e != null ? e.getExpectedTokens()
              : parser.getExpectedTokens());
          expected.addAll(((RememberingStrategy) parser.getErrorHandler()).passed);
          expected.remove(Token.EPSILON);
          throw error(token, "unexpected " + describe(token), describe(expected));
        }
      }
    }
  };

  private Parsing() {
  }

  static LqlParser parser(String text) {
    Objects.requireNonNull(text, "text");
    LqlLexer lexer = new LqlLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.addErrorListener(THROWING);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    checkLimits(tokens.getTokens());
    LqlParser parser = new LqlParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(THROWING);
    parser.setErrorHandler(new RememberingStrategy());
    return parser;
  }

  /**
   * Refuses a text nested deeper than {@link Nesting#MAX_DEPTH}, or with more than
   * {@link Nesting#MAX_OPERATORS} operators, before the parser runs.
   */
  private static void checkLimits(List<Token> tokens) {
    Nesting nesting = new Nesting();
    int operators = 0;
    for (Token token : tokens) {
      switch (token.getType()) {
        case LqlLexer.NOT -> nesting.prefix();
        // A minus sign is an operator and, in a run of them, a level.
        case LqlLexer.MINUS -> {
          nesting.prefix();
          operators++;
        }
        case LqlLexer.AND, LqlLexer.OR, LqlLexer.PLUS, LqlLexer.STAR, LqlLexer.SLASH -> {
          nesting.other();
          operators++;
        }
        case LqlLexer.LPAREN -> nesting.open();
        case LqlLexer.RPAREN -> nesting.close();
        default -> nesting.other();
      }
      if (operators > Nesting.MAX_OPERATORS) {
        throw error(token, Nesting.TOO_MANY_OPERATORS, List.of());
      }
      if (nesting.tooDeep()) {
        throw error(token, Nesting.TOO_DEEP, List.of());
      }
    }
  }

  /**
   * Remembers the tokens the parser could have taken since it last matched one. Optional clauses
   * and operators it passed over are decided before the error shows, so without them "expected"
   * would only say what may follow the last clause.
   */
  private static final class RememberingStrategy extends DefaultErrorStrategy {

    private final IntervalSet passed = new IntervalSet();

    @Override public void sync(Parser recognizer) throws RecognitionException {
      ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
      passed.addAll(recognizer.getATN().nextTokens(state));
      super.sync(recognizer);
    }

    @Override public void reportMatch(Parser recognizer) {
      passed.clear();
      super.reportMatch(recognizer);
    }
  }

  /** An error at the start of {@code token}. */
  static QuerySyntaxException error(Token token, String reason, List<String> expected) {
    return error(token, 0, reason, expected);
  }

  /** An error {@code offset} characters into {@code token}, which lies on one line. */
  static QuerySyntaxException error(Token token, int offset, String reason,
      List<String> expected) {
    return new QuerySyntaxException(reason, token.getLine(),
        token.getCharPositionInLine() + offset + 1, expected);
  }

  private static String describe(Token token) {
    return token.getType() == Token.EOF ? "end of input" : "'" + token.getText() + "'";
  }

  private static List<String> describe(IntervalSet expected) {
    boolean names = expected.contains(LqlLexer.IDENTIFIER);
    List<String> descriptions = new ArrayList<>();
    for (int type : expected.toList()) {
      if (type != Token.EOF && !(names
          && (NON_RESERVED.contains(type) || type == LqlLexer.QUOTED_IDENTIFIER))) {
        descriptions.add(describe(type));
      }
    }
    if (expected.contains(Token.EOF)) {
      descriptions.add(describe(Token.EOF));
    }
    return descriptions;
  }

  private static String describe(int type) {
    return switch (type) {
      case Token.EOF -> "end of input";
      case LqlLexer.IDENTIFIER -> "a name";
      case LqlLexer.QUOTED_IDENTIFIER -> "a `quoted name`";
      case LqlLexer.PROPERTY_PATH -> "properties.<name>.<field>";
      case LqlLexer.INTEGER -> "an integer";
      case LqlLexer.FLOAT -> "a decimal number";
      case LqlLexer.STRING -> "a string";
      default -> {
        // Keywords stand as written (AND); punctuation keeps its quotes ('(').
        String literal = LqlLexer.VOCABULARY.getLiteralName(type);
        String bare = literal.substring(1, literal.length() - 1);
        yield Character.isLetter(bare.charAt(0)) ? bare : literal;
      }
    };
  }
}
