package io.mlmd4j.jdbc.preload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the classes listed in the jar's {@value #LIST} on a daemon thread, once per JVM, so that
 * they are defined by the time the first query needs them. Loading only: no static initializer
 * runs on that thread, so the order in which classes initialize is the query thread's as
 * without preloading, and no two threads can deadlock initializing each other's classes. A
 * class the query thread needs first it loads itself (the class loader serializes the two).
 *
 * <p>Off when the system property {@value #ENABLED_PROPERTY} is {@code false}, and when the list
 * is missing (the driver's classes outside its jar, as in its own tests).
 */
public final class ClassPreloading {

  /** The resource listing binary class names, one per line, in the order a first query loads them. */
  public static final String LIST = "META-INF/mlmd4j/preload.classes";

  public static final String ENABLED_PROPERTY = "mlmd4j.preloadClasses";

  private static final AtomicBoolean started = new AtomicBoolean();

  private ClassPreloading() {}

  /** Starts the loading thread unless it started before (or preloading is off). */
  public static void startOnce() {
    if (Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))
        && started.compareAndSet(false, true)) {
      ClassLoader loader = ClassPreloading.class.getClassLoader();
      InputStream list = loader.getResourceAsStream(LIST);
      if (list != null) {
        Thread thread = new Thread(() -> load(list, loader), "mlmd4j-class-preloading");
        thread.setDaemon(true);
        thread.start();
      }
    }
  }

  /** Loads each class named in {@code list}; the number loaded (names that fail are skipped). */
  static int load(InputStream list, ClassLoader loader) {
    int loaded = 0;
    try (BufferedReader names =
        new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
      for (String name = names.readLine(); name != null; name = names.readLine()) {
        try {
          Class.forName(name, false, loader);
          loaded++;
        } catch (ClassNotFoundException | LinkageError e) {
          // A JDK class that this JDK does not have, or one of an optional dependency: the
          // query thread, if it needs the class, gets the error itself.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return loaded;
  }
}
