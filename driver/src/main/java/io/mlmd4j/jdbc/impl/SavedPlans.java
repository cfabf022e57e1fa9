package io.mlmd4j.jdbc.impl;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.tree.Primitive;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Plans kept on disk across JVMs, so that a SQL text planned before is not planned again in a
 * new JVM: its first query then skips parsing, validation and planning, which is where most of
 * a fresh JVM's first second goes (loading Calcite's classes for them). Only plans that run
 * wholly in the backend ({@link BackendSignature}: one SQL statement, plain columns) are kept,
 * each in a file named by the SHA-256 of everything its meaning depends on: the driver's build,
 * the database's product, version, catalog and MLMD table columns, the store's types, the
 * default schema, the row limit and the text. A file that cannot be read is planned again.
 *
 * <p>The directory is {@code $XDG_CACHE_HOME/mlmd4j/plans-<build>} (else {@code ~/.cache/...}),
 * or the one the system property {@value #PROPERTY} names; {@code off} keeps nothing.
 * SQL texts, literals included, are written there, readable by their user only.
 */
final class SavedPlans {

  static final String PROPERTY = "mlmd4j.planCache";

  private static final int FORMAT = 1;

  /** Plans kept at most by default; past it, the half least recently used are deleted. */
  private static final int CAPACITY = 2_000;

  /** Directories of other builds not used for this long are deleted. */
  private static final Duration STALE_BUILD = Duration.ofDays(30);

  private final Path directory;
  private final int capacity;
  /** Files in the directory, as counted at open and by this JVM's writes since. */
  private final AtomicInteger files;

  SavedPlans(Path directory, int capacity) throws IOException {
    this.directory = directory;
    this.capacity = capacity;
    this.files = new AtomicInteger(count(directory));
  }

  /** The JVM's saved plans, opened at first use; null when off. */
  static @Nullable SavedPlans ofJvm() {
    return Jvm.PLANS;
  }

  private static final class Jvm {
    static final @Nullable SavedPlans PLANS = open();
  }

  /** The JVM's directory of saved plans; null when it is off or cannot be made. */
  static @Nullable SavedPlans open() {
    String setting = System.getProperty(PROPERTY, "");
    if (setting.equals("off")) {
      return null;
    }
    Path root;
    if (!setting.isEmpty()) {
      root = Path.of(setting);
    } else {
      String xdg = System.getenv("XDG_CACHE_HOME");
      root = (xdg != null && !xdg.isEmpty() ? Path.of(xdg)
          : Path.of(System.getProperty("user.home"), ".cache")).resolve("mlmd4j");
    }
    try {
      Path directory = root.resolve("plans-" + build());
      Files.createDirectories(directory);
      deleteStaleBuilds(root, directory);
      File dir = directory.toFile();
      boolean ownerOnly = dir.setReadable(false, false) && dir.setReadable(true, true)
          && dir.setExecutable(false, false) && dir.setExecutable(true, true);
      return ownerOnly ? new SavedPlans(directory, CAPACITY) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static int count(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return (int) entries.count();
    }
  }

  /** Deletes the plans of other builds of the driver that no JVM used for a month. */
  private static void deleteStaleBuilds(Path root, Path current) throws IOException {
    Instant before = Instant.now().minus(STALE_BUILD);
    try (Stream<Path> builds = Files.list(root)) {
      for (Path build : builds.filter(b -> b.getFileName().toString().startsWith("plans-")
          && !b.equals(current)).toList()) {
        if (Files.getLastModifiedTime(build).toInstant().isBefore(before)) {
          try (Stream<Path> plans = Files.walk(build)) {
            plans.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          }
        }
      }
    }
  }

  /** The driver's version and build time: a new build plans everything again. */
  private static String build() throws IOException {
    Properties p = new Properties();
    try (InputStream in = SavedPlans.class.getResourceAsStream("mlmd4j-jdbc.properties")) {
      if (in == null) {
        throw new IOException("mlmd4j-jdbc.properties is missing");
      }
      p.load(in);
    }
    return (p.getProperty("version") + "-" + p.getProperty("build")).replaceAll("[^\\w.-]", "_");
  }

  /** The name of the file of the plan whose meaning {@code parts} give. */
  static String key(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plan saved under {@code key}, run on {@code dataSource}; null if none can be read. */
  @Nullable CalciteSignature<Object> read(String key, DataSource dataSource,
      @Nullable CalciteSchema rootSchema) {
    Path file = directory.resolve(key);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      // Used now: the last to go when the directory is full.
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
      if (in.readInt() != FORMAT) {
        return null;
      }
      String sql = readString(in);
      long maxRowCount = in.readLong();
      String backendSql = readString(in);
      Integer[] parameters = new Integer[in.readInt()];
      for (int i = 0; i < parameters.length; i++) {
        parameters[i] = in.readInt();
      }
      BackendQuery.Column[] readers = new BackendQuery.Column[in.readInt()];
      for (int i = 0; i < readers.length; i++) {
        int index = in.readInt();
        String primitive = in.readUTF();
        readers[i] = new BackendQuery.Column(index,
            primitive.isEmpty() ? null : Primitive.valueOf(primitive));
      }
      Class<?> elementType = Class.forName(in.readUTF());
      List<ColumnMetaData> columns = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        columns.add(readColumn(in));
      }
      List<AvaticaParameter> parameterList = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        parameterList.add(new AvaticaParameter(in.readBoolean(), in.readInt(), in.readInt(),
            in.readInt(), readNullable(in), readNullable(in), readNullable(in)));
      }
      Meta.StatementType statementType = Meta.StatementType.valueOf(in.readUTF());
      BackendQuery query =
          new BackendQuery(dataSource, backendSql, parameters, readers, elementType);
      return new BackendSignature<>(new CalciteSignature<>(sql, parameterList, Map.of(),
          null, columns, Meta.CursorFactory.ARRAY, rootSchema, List.of(), maxRowCount, null,
          statementType), maxRowCount, query);
    } catch (IOException | ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Saves the plan under {@code key} unless a column's type is not a plain scalar; a plan that
   * cannot be written is not saved.
   */
  void write(String key, BackendSignature<?> signature) {
    for (ColumnMetaData c : signature.columns) {
      if (c.type.getClass() != ColumnMetaData.ScalarType.class) {
        return;
      }
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeInt(FORMAT);
        writeString(out, signature.sql);
        out.writeLong(signature.maxRowCount);
        BackendQuery query = signature.query;
        writeString(out, query.sql());
        Integer[] parameters = query.parameters();
        out.writeInt(parameters.length);
        for (Integer p : parameters) {
          out.writeInt(p);
        }
        BackendQuery.Column[] readers = query.columns();
        out.writeInt(readers.length);
        for (BackendQuery.Column r : readers) {
          out.writeInt(r.index());
          out.writeUTF(r.primitive() == null ? "" : r.primitive().name());
        }
        out.writeUTF(((Class<?>) query.getElementType()).getName());
        out.writeInt(signature.columns.size());
        for (ColumnMetaData c : signature.columns) {
          writeColumn(out, c);
        }
        out.writeInt(signature.parameters.size());
        for (AvaticaParameter p : signature.parameters) {
          out.writeBoolean(p.signed);
          out.writeInt(p.precision);
          out.writeInt(p.scale);
          out.writeInt(p.parameterType);
          writeNullable(out, p.typeName);
          writeNullable(out, p.className);
          writeNullable(out, p.name);
        }
        out.writeUTF(signature.statementType.name());
      }
      Path partial = Files.createTempFile(directory, key, ".partial");
      Files.write(partial, bytes.toByteArray());
      Files.move(partial, directory.resolve(key), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      if (files.incrementAndGet() > capacity) {
        prune();
      }
    } catch (IOException | RuntimeException e) {
      // Not saved: the text is planned again in the next JVM.
    }
  }

  /** Deletes the least recently used half of the plans. */
  private synchronized void prune() throws IOException {
    List<Path> plans;
    try (Stream<Path> entries = Files.list(directory)) {
      plans = new ArrayList<>(entries.toList());
    }
    Map<Path, FileTime> used = new HashMap<>();
    for (Path p : plans) {
      try {
        used.put(p, Files.getLastModifiedTime(p));
      } catch (IOException e) {
        used.put(p, FileTime.fromMillis(0)); // deleted meanwhile by another JVM
      }
    }
    plans.sort(Comparator.comparing(used::get));
    for (Path p : plans.subList(0, Math.max(0, plans.size() - capacity / 2))) {
      Files.deleteIfExists(p);
    }
    files.set(count(directory));
  }

  private static void writeColumn(DataOutputStream out, ColumnMetaData c) throws IOException {
    out.writeInt(c.ordinal);
    out.writeBoolean(c.autoIncrement);
    out.writeBoolean(c.caseSensitive);
    out.writeBoolean(c.searchable);
    out.writeBoolean(c.currency);
    out.writeInt(c.nullable);
    out.writeBoolean(c.signed);
    out.writeInt(c.displaySize);
    writeNullable(out, c.label);
    writeNullable(out, c.columnName);
    writeNullable(out, c.schemaName);
    out.writeInt(c.precision);
    out.writeInt(c.scale);
    writeNullable(out, c.tableName);
    writeNullable(out, c.catalogName);
    out.writeInt(c.type.id);
    out.writeUTF(c.type.name);
    out.writeUTF(c.type.rep.name());
    out.writeBoolean(c.readOnly);
    out.writeBoolean(c.writable);
    out.writeBoolean(c.definitelyWritable);
    writeNullable(out, c.columnClassName);
  }

  private static ColumnMetaData readColumn(DataInputStream in) throws IOException {
    int ordinal = in.readInt();
    boolean autoIncrement = in.readBoolean();
    boolean caseSensitive = in.readBoolean();
    boolean searchable = in.readBoolean();
    boolean currency = in.readBoolean();
    int nullable = in.readInt();
    boolean signed = in.readBoolean();
    int displaySize = in.readInt();
    String label = readNullable(in);
    String columnName = readNullable(in);
    String schemaName = readNullable(in);
    int precision = in.readInt();
    int scale = in.readInt();
    String tableName = readNullable(in);
    String catalogName = readNullable(in);
    ColumnMetaData.AvaticaType type = ColumnMetaData.scalar(in.readInt(), in.readUTF(),
        ColumnMetaData.Rep.valueOf(in.readUTF()));
    return new ColumnMetaData(ordinal, autoIncrement, caseSensitive, searchable, currency,
        nullable, signed, displaySize, label, columnName, schemaName, precision, scale,
        tableName, catalogName, type, in.readBoolean(), in.readBoolean(), in.readBoolean(),
        readNullable(in));
  }

  /** A string of any length (writeUTF stops at 64 KB). */
  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void writeNullable(DataOutputStream out, @Nullable String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      writeString(out, s);
    }
  }

  private static @Nullable String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? readString(in) : null;
  }
}
