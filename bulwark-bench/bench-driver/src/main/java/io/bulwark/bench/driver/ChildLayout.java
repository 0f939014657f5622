package io.bulwark.bench.driver;

/** How the rounds are spread over child JVMs. */
enum ChildLayout {
  /**
   * The interleaving: per database and workload, warm-up rounds then counted rounds, every
   * engine once per round in turn (A B C A B C …), each round a fresh JVM on a fresh database.
   */
  ROUND_PER_CHILD,
  /**
   * Quick: one JVM and one database per engine and database, running every workload in order
   * (engines still in turn, A B C D per database). Saves a JVM start and a schema creation per
   * workload; the ratios are rougher.
   */
  ENGINE_PER_CHILD
}
