package io.mlmd4j;

import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.PropertyType;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutContextTypeRequest;
import io.mlmd4j.proto.PutExecutionTypeRequest;
import io.mlmd4j.proto.PutTypesRequest;
import io.mlmd4j.proto.PutTypesResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A process that puts the same new types as its siblings at a signal, for the tests of types
 * created concurrently. Arguments: the store's URL, a file to create once ready, a file whose
 * appearance is the signal to start, the file to write the ids to, this process's number, how
 * many type names to put, and a file to wait for before opening the store (the previous
 * process's ready file: on a busy machine, many TLS handshakes at once outlast the server's
 * connect timeout). Type {@code T<i>} goes through putArtifactType, putExecutionType,
 * putContextType or putTypes (all three kinds) by {@code i % 4}, with the property {@code shared}
 * and one of this process's own ({@code p<number>}), so that the puts also add properties. Writes
 * one line per type, {@code <kind> T<i> <id>}; exits 0 when every put succeeded, else prints the
 * failure and exits 1.
 */
public final class PutTypesProcess {

  private PutTypesProcess() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path ready = Path.of(args[1]);
    Path go = Path.of(args[2]);
    Path ids = Path.of(args[3]);
    String own = "p" + args[4];
    int names = Integer.parseInt(args[5]);
    Path openAfter = Path.of(args[6]);
    Map<String, PropertyType> properties =
        Map.of("shared", PropertyType.STRING, own, PropertyType.INT);
    List<String> lines = new ArrayList<>();
    while (!Files.exists(openAfter)) {
      Thread.sleep(1);
    }
    try (MetadataStore store = MetadataStore.open(url)) {
      Files.createFile(ready);
      while (!Files.exists(go)) {
        Thread.sleep(1);
      }
      for (int i = 0; i < names; i++) {
        String name = "T" + i;
        ArtifactType artifact =
            ArtifactType.newBuilder().setName(name).putAllProperties(properties).build();
        ExecutionType execution =
            ExecutionType.newBuilder().setName(name).putAllProperties(properties).build();
        ContextType context =
            ContextType.newBuilder().setName(name).putAllProperties(properties).build();
        switch (i % 4) {
          case 0 -> lines.add("artifact " + name + " " + store.putArtifactType(
              PutArtifactTypeRequest.newBuilder().setArtifactType(artifact)
                  .setCanAddFields(true).setCanOmitFields(true).build()).getTypeId());
          case 1 -> lines.add("execution " + name + " " + store.putExecutionType(
              PutExecutionTypeRequest.newBuilder().setExecutionType(execution)
                  .setCanAddFields(true).setCanOmitFields(true).build()).getTypeId());
          case 2 -> lines.add("context " + name + " " + store.putContextType(
              PutContextTypeRequest.newBuilder().setContextType(context)
                  .setCanAddFields(true).setCanOmitFields(true).build()).getTypeId());
          default -> {
            PutTypesResponse put = store.putTypes(PutTypesRequest.newBuilder()
                .addArtifactTypes(artifact).addExecutionTypes(execution)
                .addContextTypes(context).setCanAddFields(true).setCanOmitFields(true).build());
            lines.add("artifact " + name + " " + put.getArtifactTypeIds(0));
            lines.add("execution " + name + " " + put.getExecutionTypeIds(0));
            lines.add("context " + name + " " + put.getContextTypeIds(0));
          }
        }
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
    }
    Files.write(ids, lines);
    System.exit(0);
  }
}
