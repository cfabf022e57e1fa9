package io.mlmd4j;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process that opens one store at a signal, for the tests of processes racing to create the
 * same schema or killed while creating it. Arguments: the store's URL, a file to create once
 * ready, and a file whose appearance is the signal to open. Exits 0 when the store opened, else
 * prints the failure and exits 1.
 */
public final class OpenStoreProcess {

  private OpenStoreProcess() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path ready = Path.of(args[1]);
    Path go = Path.of(args[2]);
    // Load drivers, the native SQLite library and the schema classes before the signal, so that
    // both processes reach the database at the same moment.
    MetadataStore.open("jdbc:mlmd:fake").close();
    Class.forName("com.mysql.cj.jdbc.Driver");
    Files.createFile(ready);
    while (!Files.exists(go)) {
      Thread.sleep(1);
    }
    try {
      MetadataStore.open(url).close();
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }
}
