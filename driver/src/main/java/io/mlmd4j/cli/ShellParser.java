package io.mlmd4j.cli;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * How JLine reads the shell's input: Enter inside a statement that does not yet end with
 * {@code ;} continues it on a new line; a meta command or a blank line is taken at once. The
 * word completed is the run of name characters (letters, digits, {@code _ . " ' @ $}) at the
 * cursor, so that {@code artifact."Mo} completes to {@code artifact."Model"}.
 */
final class ShellParser implements Parser {

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !StatementText.isBlank(line)
        && !Shell.isMeta(line) && !StatementText.isComplete(line)) {
      throw new EOFError(-1, -1, "the statement goes on until ';'", ";");
    }
    int start = cursor;
    while (start > 0 && isNameChar(line.charAt(start - 1))) {
      start--;
    }
    int end = cursor;
    while (end < line.length() && isNameChar(line.charAt(end))) {
      end++;
    }
    return new Word(line, cursor, line.substring(start, end), cursor - start);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '"' || c == '\''
        || c == '@' || c == '$';
  }

  /** The line and the one word at the cursor, taken as it is typed (no escapes). */
  private record Word(String line, int cursor, String word, int wordCursor)
      implements CompletingParsedLine {
    @Override
    public int wordIndex() {
      return 0;
    }

    @Override
    public List<String> words() {
      return List.of(word);
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor;
    }

    @Override
    public int rawWordLength() {
      return word.length();
    }
  }
}
