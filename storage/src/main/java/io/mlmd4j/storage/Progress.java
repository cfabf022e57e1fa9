package io.mlmd4j.storage;

/**
 * Hears how far a long task (a store copy, a schema migration) has got. A task is a sequence of
 * steps, each with a known amount of work; calls come from the thread doing the work, at step
 * start ({@code done} 0), after each part, and at step end ({@code done == total}).
 */
@FunctionalInterface
public interface Progress {

  /** Hears nothing. */
  Progress NONE = (step, done, total) -> { };

  /**
   * {@code done} of {@code total} units of {@code step} are done. Throwing here stops the task;
   * what it had written is rolled back where the task is transactional.
   */
  void update(String step, long done, long total);
}
