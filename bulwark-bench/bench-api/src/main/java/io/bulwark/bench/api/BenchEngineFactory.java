package io.bulwark.bench.api;

/**
 * Builds one engine; found with {@link java.util.ServiceLoader} on the child's classpath, one
 * implementation per engine module.
 */
public interface BenchEngineFactory {

  /** {@code bulwark}, {@code camunda}, {@code operaton} or {@code flowable}. */
  String name();

  /**
   * Builds the engine with its documented defaults on a fresh database, creating its schema. For
   * {@link Workload#W3} with authorization on where the engine has it.
   */
  BenchEngine build(BenchDatabase database, Workload workload);
}
