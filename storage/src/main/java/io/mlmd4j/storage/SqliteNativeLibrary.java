package io.mlmd4j.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, loaded from a copy kept in the user's cache directory. Left to
 * itself, sqlite-jdbc copies the library out of its jar into a new temporary file in every JVM
 * and then compares the copy with the jar's entry a byte at a time: about 70 ms of each fresh
 * JVM's first connection, on top of the load itself. The copy here is made once per
 * sqlite-jdbc version and platform ({@code ~/.cache/mlmd4j/sqlite-jdbc-<version>/...}, or
 * under {@code $XDG_CACHE_HOME}), written to a temporary file and moved into place, so that
 * JVMs starting together never see half a library.
 *
 * <p>Nothing changes when {@code org.sqlite.lib.path} is already set (the user chose a
 * library) or when the cache cannot be written: sqlite-jdbc then extracts as it always does.
 */
final class SqliteNativeLibrary {

  private static final String PATH_PROPERTY = "org.sqlite.lib.path";
  private static final String NAME_PROPERTY = "org.sqlite.lib.name";

  private SqliteNativeLibrary() {}

  /**
   * Points sqlite-jdbc at the cached copy, making it if needed, unless a library is chosen.
   * Called once, by {@link SqliteSource}'s initialization.
   */
  static void useCachedCopy() {
    if (System.getProperty(PATH_PROPERTY) != null) {
      return;
    }
    cacheRoot().flatMap(SqliteNativeLibrary::cachedCopy).ifPresent(library -> {
      System.setProperty(PATH_PROPERTY, library.getParent().toString());
      System.setProperty(NAME_PROPERTY, library.getFileName().toString());
    });
  }

  /**
   * The library for this platform under {@code root}, copied there from sqlite-jdbc's jar when
   * it is missing or its size differs from the jar's entry; empty when this platform has no
   * library in the jar or the copy cannot be written.
   */
  static Optional<Path> cachedCopy(Path root) {
    String name = LibraryLoaderUtil.getNativeLibName();
    String folder = LibraryLoaderUtil.getNativeLibResourcePath(); // /org/sqlite/native/os/arch
    URL url = SQLiteJDBCLoader.class.getResource(folder + "/" + name);
    if (url == null) {
      return Optional.empty();
    }
    try {
      Path dir = root.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion())
          .resolve(folder.substring(1));
      Path library = dir.resolve(name);
      long size = url.openConnection().getContentLengthLong();
      if (Files.isRegularFile(library) && Files.size(library) == size) {
        return Optional.of(library);
      }
      Files.createDirectories(dir);
      Path partial = Files.createTempFile(dir, name, ".partial");
      try (InputStream in = url.openStream()) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        if (Files.size(partial) != size) {
          throw new IOException("Copied " + Files.size(partial) + " of " + size + " bytes");
        }
        Files.move(partial, library, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
      return Optional.of(library);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // sqlite-jdbc extracts its own copy, as without this class
    }
  }

  /** {@code $XDG_CACHE_HOME/mlmd4j}, else {@code ~/.cache/mlmd4j}; made private to its owner. */
  private static Optional<Path> cacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    String home = System.getProperty("user.home");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : home != null && !home.isBlank() ? Path.of(home, ".cache") : null;
    if (base == null) {
      return Optional.empty();
    }
    Path root = base.resolve("mlmd4j");
    try {
      if (!Files.isDirectory(root)) {
        Files.createDirectories(root);
        if (root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        }
      }
      return Optional.of(root);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
