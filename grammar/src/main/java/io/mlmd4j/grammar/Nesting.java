package io.mlmd4j.grammar;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How deep a filter query, an LQL statement or (in the JDBC driver) an SQL statement may nest.
 * The parsers, the AST builders and the planners recurse once or more per level, and 1,000
 * levels overflow a thread's stack; no statement written by hand comes near 100, and 100 leave
 * the planners a wide margin on the smallest stack a JVM thread gets by default. A level is an
 * open parenthesis, or a NOT or minus sign in a run of them (each applies to what follows, so a
 * run nests); a parenthesis opens a level over the run before it. Texts are checked token by
 * token before anything recurses over them: an instance counts the levels of one text as its
 * tokens are fed in order.
 */
public final class Nesting {

  private final Deque<Integer> outer = new ArrayDeque<>();
  private int depth;
  private int run;

  /** The deepest nesting a text may have. */
  public static final int MAX_DEPTH = 100;

  /**
   * The most binary operators ({@code AND}, {@code OR}, {@code + - * /}) a text may hold. A
   * chain of them is a tree as deep as the chain, which the builders and planners recurse over
   * as over nesting: 10,000 {@code OR}s overflowed the stack. A long disjunction of values is
   * an {@code IN} list, which has no such limit.
   */
  public static final int MAX_OPERATORS = 1_000;

  /** What an error at the operator one over {@link #MAX_OPERATORS} says, without the position. */
  public static final String TOO_MANY_OPERATORS = "more than " + MAX_OPERATORS
      + " operators (AND, OR, + - * /): use IN (...) for a long list of values";

  /** What an error at the token one level too deep says, without the position. */
  public static final String TOO_DEEP = "nested more than " + MAX_DEPTH
      + " levels deep (parentheses, NOT and minus signs)";

  /** An opening parenthesis. */
  public void open() {
    outer.push(depth);
    depth += run + 1;
    run = 0;
  }

  /** A closing parenthesis; an unmatched one is the parser's to report. */
  public void close() {
    depth = outer.isEmpty() ? depth : outer.pop();
    run = 0;
  }

  /** A NOT or a minus sign, which applies to what follows. */
  public void prefix() {
    run++;
  }

  /** Any other token. */
  public void other() {
    run = 0;
  }

  /** Whether the tokens fed so far went deeper than {@link #MAX_DEPTH}. */
  public boolean tooDeep() {
    return depth + run > MAX_DEPTH;
  }
}
