package io.mlmd4j.jdbc.startup;

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
 * {@link FirstQueryTraining} on the jar in a JVM of its own under
 * {@code -XX:DumpLoadedClassList} and stores the 4,000 classes of the jar it loaded
 * uncompressed, which saves inflating them in every JVM: about 50 ms of a first query's 1.1 to
 * 1.2 s, for a jar 15 MB larger (72 MB; storing all 22,000 classes would make it 120 MB). Uses
 * nothing but the JDK, so that it runs from the module's classes while it rewrites the jar.
 */
public final class StartupClassesStored {

  private StartupClassesStored() {}

  /** One argument: the jar, rewritten in place. */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: StartupClassesStored <jar>");
    }
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path work = Files.createTempDirectory("mlmd4j-startup");
    try {
      Path store = work.resolve("demo.sqlite");
      Path dump = work.resolve("loaded.classlist");
      train(jar, List.of(), "setup", store.toString());
      // Planning its texts, not reading plans saved by an earlier run.
      train(jar, List.of("-XX:DumpLoadedClassList=" + dump, "-Dmlmd4j.planCache=off"), "run",
          store.toString());
      List<String> classes = classNames(Files.readAllLines(dump));
      int stored = storeUncompressed(jar, classes);
      System.out.printf("%s: %d classes of a first query stored uncompressed%n",
          jar.getFileName(), stored);
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Runs {@link FirstQueryTraining} with its arguments on the jar's class path in a JVM with the
   * options; fails unless it exits 0.
   */
  private static void train(Path jar, List<String> jvmOptions, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", jar.toString(), FirstQueryTraining.class.getName()));
    command.addAll(List.of(arguments));
    int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("exit " + exit + " from " + String.join(" ", command));
    }
  }

  /**
   * The binary names in a class list that {@code -XX:DumpLoadedClassList} wrote (internal names,
   * one per line, after comments and before {@code @} lines about lambda forms).
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
   * Stores uncompressed those of the named classes the jar holds; their number. Other entries
   * keep their bytes as they are.
   */
  static int storeUncompressed(Path jar, List<String> classes) {
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return stored;
  }
}
