package io.mlmd4j.jdbc;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.PropertyType;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.PutEventsRequest;
import io.mlmd4j.proto.PutExecutionsRequest;
import io.mlmd4j.proto.PutTypesRequest;
import io.mlmd4j.proto.PutTypesResponse;
import io.mlmd4j.proto.Value;
import io.mlmd4j.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A store shaped like the bench's TFX workload: a {@code Model} type that declares properties
 * ({@code format}, {@code framework}, {@code size_bytes}, as TFX's does), {@value #MODELS} models
 * each written by one trainer execution and read by two more. Model {@code i} uses framework
 * {@code i % 3} and is {@code 1000 * i} bytes; the last one is named {@value #NON_ASCII_NAME}.
 */
final class ModelStore {

  static final int MODELS = 30;
  static final String NON_ASCII_NAME = "modèle-α";

  private static final List<String> FRAMEWORKS = List.of("tensorflow", "jax", "sklearn");
  private static final Map<Backend, Connection> OPEN = new EnumMap<>(Backend.class);

  private ModelStore() {}

  /** A connection to the store on the backend, shared by all tests: do not close it. */
  static synchronized Connection connection(Backend backend) throws SQLException {
    Connection c = OPEN.get(backend);
    if (c == null) {
      c = DriverManager.getConnection(TestDatabases.freshStoreUrl(backend));
      fill(c.unwrap(MetadataStore.class));
      OPEN.put(backend, c);
    }
    return c;
  }

  static String name(int i) {
    return i == MODELS - 1 ? NON_ASCII_NAME : "model-" + i;
  }

  static String framework(int i) {
    return FRAMEWORKS.get(i % FRAMEWORKS.size());
  }

  private static void fill(MetadataStore store) {
    PutTypesResponse types = store.putTypes(PutTypesRequest.newBuilder()
        .addArtifactTypes(ArtifactType.newBuilder().setName("Model")
            .putProperties("format", PropertyType.STRING)
            .putProperties("framework", PropertyType.STRING)
            .putProperties("size_bytes", PropertyType.INT))
        .addExecutionTypes(ExecutionType.newBuilder().setName("Trainer")
            .putProperties("learning_rate", PropertyType.DOUBLE))
        .build());
    long modelType = types.getArtifactTypeIds(0);
    long trainerType = types.getExecutionTypeIds(0);
    PutArtifactsRequest.Builder models = PutArtifactsRequest.newBuilder();
    PutExecutionsRequest.Builder trainers = PutExecutionsRequest.newBuilder();
    for (int i = 0; i < MODELS; i++) {
      models.addArtifacts(Artifact.newBuilder().setTypeId(modelType).setName(name(i))
          .setUri("/models/" + i).setState(Artifact.State.LIVE)
          .putProperties("format", Value.newBuilder().setStringValue("saved_model").build())
          .putProperties("framework", Value.newBuilder().setStringValue(framework(i)).build())
          .putProperties("size_bytes", Value.newBuilder().setIntValue(1000L * i).build()));
      for (int k = 0; k < 3; k++) {
        trainers.addExecutions(Execution.newBuilder().setTypeId(trainerType)
            .setName("trainer-" + i + "-" + k).setLastKnownState(Execution.State.COMPLETE)
            .putProperties("learning_rate", Value.newBuilder().setDoubleValue(0.1).build()));
      }
    }
    List<Long> modelIds = store.putArtifacts(models.build()).getArtifactIdsList();
    List<Long> executionIds = store.putExecutions(trainers.build()).getExecutionIdsList();
    PutEventsRequest.Builder events = PutEventsRequest.newBuilder();
    for (int i = 0; i < MODELS; i++) {
      for (int k = 0; k < 3; k++) {
        events.addEvents(Event.newBuilder().setArtifactId(modelIds.get(i))
            .setExecutionId(executionIds.get(3 * i + k))
            .setType(k == 0 ? Event.Type.OUTPUT : Event.Type.INPUT));
      }
    }
    store.putEvents(events.build());
  }
}
