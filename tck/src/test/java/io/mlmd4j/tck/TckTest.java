package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.GetArtifactsByIDRequest;
import io.mlmd4j.proto.GetContextsByIDRequest;
import io.mlmd4j.proto.GetExecutionsByIDRequest;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.PutContextTypeRequest;
import io.mlmd4j.proto.PutContextsRequest;
import io.mlmd4j.proto.PutExecutionTypeRequest;
import io.mlmd4j.proto.PutExecutionsRequest;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every conformance test: before each test it opens a store on a fresh, empty database
 * of the test's {@link StoreTarget}, and closes and deletes it afterwards. It also holds the small
 * helpers the tests share: protos from text format, field stripping for comparisons, error
 * assertions, and one-line puts and gets.
 */
abstract class TckTest {

  /** The output-only timestamps, which tests leave out of comparisons. */
  static final String[] TIMES = {"create_time_since_epoch", "last_update_time_since_epoch"};

  protected TestDatabase database;
  protected MetadataStore store;

  @BeforeEach
  final void openFreshStore(StoreTarget target) {
    this.database = target.newDatabase();
    this.store = database.open();
  }

  @AfterEach
  final void closeStore() {
    if (database != null) {
      database.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Protos

  /** A message of {@code prototype}'s type from text format, after {@link String#format}. */
  @SuppressWarnings("unchecked")
  static <T extends Message> T parse(T prototype, String text, Object... args) {
    Message.Builder builder = prototype.newBuilderForType();
    try {
      TextFormat.merge(args.length == 0 ? text : String.format(text, args), builder);
    } catch (TextFormat.ParseException e) {
      throw new IllegalArgumentException("Bad text proto in test: " + text, e);
    }
    return (T) builder.build();
  }

  static ArtifactType artifactType(String text, Object... args) {
    return parse(ArtifactType.getDefaultInstance(), text, args);
  }

  static ExecutionType executionType(String text, Object... args) {
    return parse(ExecutionType.getDefaultInstance(), text, args);
  }

  static ContextType contextType(String text, Object... args) {
    return parse(ContextType.getDefaultInstance(), text, args);
  }

  static Artifact artifact(String text, Object... args) {
    return parse(Artifact.getDefaultInstance(), text, args);
  }

  static Execution execution(String text, Object... args) {
    return parse(Execution.getDefaultInstance(), text, args);
  }

  static Context context(String text, Object... args) {
    return parse(Context.getDefaultInstance(), text, args);
  }

  static Event event(String text, Object... args) {
    return parse(Event.getDefaultInstance(), text, args);
  }

  /** {@code message} with the named top-level fields cleared, for comparisons that ignore them. */
  @SuppressWarnings("unchecked")
  static <T extends Message> T without(T message, String... fields) {
    Message.Builder builder = message.toBuilder();
    for (String field : fields) {
      FieldDescriptor descriptor = message.getDescriptorForType().findFieldByName(field);
      if (descriptor == null) {
        throw new IllegalArgumentException(
            message.getDescriptorForType().getName() + " has no field " + field);
      }
      builder.clearField(descriptor);
    }
    return (T) builder.build();
  }

  /** Each message of the list without the named fields. */
  static <T extends Message> List<T> without(List<T> messages, String... fields) {
    return messages.stream().map(m -> without(m, fields)).toList();
  }

  /** The fields names followed by the two timestamps. */
  static String[] andTimes(String... fields) {
    String[] all = Arrays.copyOf(fields, fields.length + TIMES.length);
    System.arraycopy(TIMES, 0, all, fields.length, TIMES.length);
    return all;
  }

  // ---------------------------------------------------------------------------------------------
  // Errors

  /** Asserts that {@code call} fails with an {@link MlmdException} of {@code code}. */
  static MlmdException assertFails(MlmdException.Code code, ThrowingCallable call) {
    Throwable[] thrown = new Throwable[1];
    assertThatThrownBy(call).satisfies(t -> thrown[0] = t).isInstanceOf(MlmdException.class);
    MlmdException e = (MlmdException) thrown[0];
    assertThat(e.code()).as("code of: %s", e).isEqualTo(code);
    return e;
  }

  // ---------------------------------------------------------------------------------------------
  // One-line puts and gets

  long put(ArtifactType type) {
    return store.putArtifactType(PutArtifactTypeRequest.newBuilder().setArtifactType(type).build())
        .getTypeId();
  }

  long put(ExecutionType type) {
    return store.putExecutionType(
        PutExecutionTypeRequest.newBuilder().setExecutionType(type).build()).getTypeId();
  }

  long put(ContextType type) {
    return store.putContextType(PutContextTypeRequest.newBuilder().setContextType(type).build())
        .getTypeId();
  }

  List<Long> put(Artifact... artifacts) {
    return store.putArtifacts(
        PutArtifactsRequest.newBuilder().addAllArtifacts(List.of(artifacts)).build())
        .getArtifactIdsList();
  }

  List<Long> put(Execution... executions) {
    return store.putExecutions(
        PutExecutionsRequest.newBuilder().addAllExecutions(List.of(executions)).build())
        .getExecutionIdsList();
  }

  List<Long> put(Context... contexts) {
    return store.putContexts(
        PutContextsRequest.newBuilder().addAllContexts(List.of(contexts)).build())
        .getContextIdsList();
  }

  List<Artifact> artifactsById(Long... ids) {
    return store.getArtifactsByID(
        GetArtifactsByIDRequest.newBuilder().addAllArtifactIds(List.of(ids)).build())
        .getArtifactsList();
  }

  List<Execution> executionsById(Long... ids) {
    return store.getExecutionsByID(
        GetExecutionsByIDRequest.newBuilder().addAllExecutionIds(List.of(ids)).build())
        .getExecutionsList();
  }

  List<Context> contextsById(Long... ids) {
    return store.getContextsByID(
        GetContextsByIDRequest.newBuilder().addAllContextIds(List.of(ids)).build())
        .getContextsList();
  }

  /** The one stored artifact with that id. */
  Artifact artifactById(long id) {
    List<Artifact> found = artifactsById(id);
    assertThat(found).as("artifacts with id %d", id).hasSize(1);
    return found.get(0);
  }

  /** The one stored execution with that id. */
  Execution executionById(long id) {
    List<Execution> found = executionsById(id);
    assertThat(found).as("executions with id %d", id).hasSize(1);
    return found.get(0);
  }

  /** The one stored context with that id. */
  Context contextById(long id) {
    List<Context> found = contextsById(id);
    assertThat(found).as("contexts with id %d", id).hasSize(1);
    return found.get(0);
  }
}
