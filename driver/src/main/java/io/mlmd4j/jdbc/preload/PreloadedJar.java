package io.mlmd4j.jdbc.preload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The last step of the jar's build ({@code package}, after shading): runs
 * {@link PreloadTraining} on the jar in a JVM of its own under
 * {@code -XX:DumpLoadedClassList}, writes the classes it loaded to the jar's
 * {@value ClassPreloading#LIST}, and stores those of them that the jar holds uncompressed, which
 * saves inflating them at every start (about 5% of a first query; 10 MB more jar, where storing
 * all 22,000 classes would add 60 MB). Uses nothing but the JDK, so that it runs from the
 * module's classes while it rewrites the jar.
 */
public final class PreloadedJar {

  private PreloadedJar() {}

  /** One argument: the jar, rewritten in place. */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: PreloadedJar <jar>");
    }
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path work = Files.createTempDirectory("mlmd4j-preload");
    try {
      Path store = work.resolve("demo.sqlite");
      Path dump = work.resolve("loaded.classlist");
      train(jar, List.of("setup", store.toString()));
      train(jar, List.of("-XX:DumpLoadedClassList=" + dump, "run", store.toString()));
      List<String> classes = classNames(Files.readAllLines(dump));
      int stored = rewrite(jar, classes);
      System.out.printf("%s: %d classes to preload, %d of them stored uncompressed%n",
          jar.getFileName(), classes.size(), stored);
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Runs {@link PreloadTraining} with the arguments (JVM options first, then its own) on the
   * jar's class path; fails unless it exits 0.
   */
  private static void train(Path jar, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(arguments.stream().filter(a -> a.startsWith("-XX:")).toList());
    command.addAll(List.of("-cp", jar.toString(), PreloadTraining.class.getName()));
    command.addAll(arguments.stream().filter(a -> !a.startsWith("-XX:")).toList());
    int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("exit " + exit + " from " + String.join(" ", command));
    }
  }

  /**
   * The binary names in a class list that {@code -XX:DumpLoadedClassList} wrote (internal names,
   * one per line, after comments and before {@code @} lines about lambda forms), in order.
   */
  static List<String> classNames(List<String> classList) {
    Set<String> names = new LinkedHashSet<>();
    for (String line : classList) {
      if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("@")) {
        names.add(line.split(" ", 2)[0].replace('/', '.'));
      }
    }
    return List.copyOf(names);
  }

  /**
   * Adds the list to the jar and stores uncompressed those of its classes the jar holds; their
   * number. Other entries are copied as they are.
   */
  static int rewrite(Path jar, List<String> classes) {
    URI uri = URI.create("jar:" + jar.toUri());
    int stored = 0;
    try (FileSystem zip = FileSystems.newFileSystem(uri, Map.of("compressionMethod", "STORED"))) {
      for (String name : classes) {
        Path entry = zip.getPath(name.replace('.', '/') + ".class");
        if (Files.exists(entry)) {
          Files.write(entry, Files.readAllBytes(entry));
          stored++;
        }
      }
      Path list = zip.getPath(ClassPreloading.LIST);
      Files.createDirectories(list.getParent());
      Files.write(list, classes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return stored;
  }
}
