package io.mlmd4j.cli;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.GetArtifactTypesRequest;
import io.mlmd4j.proto.GetExecutionTypesRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The type a user names on the command line, found among a store's type names as tables and
 * pictures show them: the exact name, else the one name that differs only in case, else the one
 * whose last dotted part ({@code Trainer} for {@code tfx.components.trainer.component.Trainer})
 * is the given text (exactly, then in any case). Nothing found is NOT_FOUND naming the closest
 * names; several found is INVALID_ARGUMENT listing them.
 */
public final class TypeNames {

  /** How many suggestions an unknown name gets at most. */
  private static final int SUGGESTIONS = 3;

  private TypeNames() {}

  /** The full name of the artifact type {@code given} names in {@code store}. */
  static String artifactType(MetadataStore store, String given) {
    return resolve("artifact", store.getArtifactTypes(GetArtifactTypesRequest.getDefaultInstance())
        .getArtifactTypesList().stream().map(ArtifactType::getName).toList(), given);
  }

  /** The full name of the execution type {@code given} names in {@code store}. */
  static String executionType(MetadataStore store, String given) {
    return resolve("execution", store.getExecutionTypes(
        GetExecutionTypesRequest.getDefaultInstance()).getExecutionTypesList().stream()
        .map(ExecutionType::getName).toList(), given);
  }

  /**
   * The full name of the type {@code given} names among {@code names}.
   *
   * @param kind {@code artifact}, {@code execution} or {@code context}, for messages
   */
  static String resolve(String kind, List<String> names, String given) {
    List<String> distinct = names.stream().distinct().sorted().toList();
    List<Predicate<String>> rules = List.of(
        n -> n.equals(given),
        n -> n.equalsIgnoreCase(given),
        n -> shortName(n).equals(given),
        n -> shortName(n).equalsIgnoreCase(given));
    for (Predicate<String> rule : rules) {
      List<String> found = distinct.stream().filter(rule).toList();
      if (found.size() == 1) {
        return found.get(0);
      }
      if (found.size() > 1) {
        throw MlmdException.invalidArgument("'%s' could be any of the %s types %s; give the full"
            + " name", given, kind, found);
      }
    }
    List<String> closest = closest(distinct, given);
    throw MlmdException.notFound("No %s type named '%s'%s", kind, given, closest.isEmpty() ? ""
        : "; did you mean " + String.join(" or ", closest) + "?");
  }

  /**
   * The names nearest to {@code given} by edit distance, on the last dotted part or the whole
   * name (in lower case), as a user would type them: the last part where no other name shares it.
   */
  static List<String> closest(List<String> names, String given) {
    String wanted = given.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, wanted.length() / 3);
    return names.stream()
        .map(n -> new Scored(n, Math.min(
            distance(wanted, shortName(n).toLowerCase(Locale.ROOT)),
            distance(wanted, n.toLowerCase(Locale.ROOT)))))
        .filter(s -> s.distance() <= limit)
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .limit(SUGGESTIONS)
        .map(s -> names.stream().filter(n -> shortName(n).equals(shortName(s.name()))).count() == 1
            ? shortName(s.name()) : s.name())
        .toList();
  }

  private record Scored(String name, int distance) {}

  /** A type's name as tables and pictures show it, after its last dot: {@code Trainer}. */
  public static String shortName(String typeName) {
    return typeName.substring(typeName.lastIndexOf('.') + 1);
  }

  /** Damerau-Levenshtein distance (optimal string alignment): edits, swaps of neighbours. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
