package io.mlmd4j.tck;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs each {@link StoreTest} once per configured {@link StoreTarget}, and hands that target to
 * the test's {@code @BeforeEach} methods as a parameter.
 */
final class Targets implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return AnnotationSupport.isAnnotated(context.getTestMethod(), StoreTest.class);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    boolean reopens = AnnotationSupport
        .findAnnotation(context.getRequiredTestMethod(), StoreTest.class)
        .map(StoreTest::reopens)
        .orElse(false);
    return StoreTarget.configured().stream()
        .filter(target -> !reopens || target.keepsData())
        .map(Invocation::new);
  }

  /** A test that reopens its database has no run on a fake-only configuration; that is fine. */
  @Override
  public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
    return true;
  }

  /** One run of a test on one target. */
  private record Invocation(StoreTarget target) implements TestTemplateInvocationContext {

    @Override
    public String getDisplayName(int invocationIndex) {
      return "[" + target.name() + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new ParameterResolver() {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
          return parameter.getParameter().getType() == StoreTarget.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
          return target;
        }
      });
    }
  }
}
