package io.mlmd4j.jdbc.preload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClassPreloadingTest {

  /** Counts the initializations of {@link Listed}. */
  static final AtomicInteger initializations = new AtomicInteger();

  /** A class on the list whose initializer must not run on the preloading thread. */
  static final class Listed {
    static {
      initializations.incrementAndGet();
    }
  }

  /** Records the names it is asked to load. */
  private static final class RecordingLoader extends ClassLoader {
    final List<String> asked = new ArrayList<>();

    RecordingLoader() {
      super(ClassPreloadingTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      asked.add(name);
      return super.loadClass(name, resolve);
    }
  }

  @Test
  void loadsTheListedClassesInOrderWithoutInitializingThem() {
    RecordingLoader loader = new RecordingLoader();
    String list = Listed.class.getName() + "\njava.util.BitSet\n";
    int loaded = ClassPreloading.load(
        new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), loader);
    assertThat(loaded).isEqualTo(2);
    assertThat(loader.asked).containsExactly(Listed.class.getName(), "java.util.BitSet");
    assertThat(initializations).hasValue(0);
  }

  @Test
  void skipsNamesThatDoNotLoad() {
    RecordingLoader loader = new RecordingLoader();
    String list = "io.mlmd4j.NoSuchClass\njdk.internal.NoSuchClassEither\njava.util.BitSet\n";
    int loaded = ClassPreloading.load(
        new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), loader);
    assertThat(loaded).isEqualTo(1);
    assertThat(loader.asked).hasSize(3);
  }
}
