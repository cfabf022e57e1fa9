package io.mlmd4j.tck;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of MLMD's behaviour that runs once per {@link StoreTarget}, each time on a fresh, empty
 * database; the invocation's name shows the target.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(Targets.class)
public @interface StoreTest {

  /**
   * True for a test that opens its database again after writing to it: it runs only on targets
   * whose data outlives the store that wrote it (not on fake, whose data goes with its store).
   */
  boolean reopens() default false;
}
