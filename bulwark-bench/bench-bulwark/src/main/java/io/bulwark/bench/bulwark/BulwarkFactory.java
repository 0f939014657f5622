package io.bulwark.bench.bulwark;

import io.bulwark.bench.api.BenchDatabase;
import io.bulwark.bench.api.BenchEngine;
import io.bulwark.bench.api.BenchEngineFactory;
import io.bulwark.bench.api.Workload;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Secret;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Builds Bulwark with its production defaults (history level audit, job executor on) on the round's
 * database; only the storage is set. An {@code h2-file} round uses the embedded storage exactly as
 * {@code ./bulwark serve} does (file-mode H2 under a data directory, with its durability settings).
 */
public final class BulwarkFactory implements BenchEngineFactory {

  @Override
  public String name() {
    return "bulwark";
  }

  @Override
  public BenchEngine build(BenchDatabase database, Workload workload) {
    BulwarkEngine engine;
    Optional<Path> dataDir = database.embeddedDataDir();
    if (dataDir.isPresent()) {
      engine = BulwarkEngine.builder().embedded(dataDir.get()).build();
      return new BulwarkBenchEngine(
          engine,
          Map.of(
              "history", "audit (default)", "jobExecutor", "on (default)", "storage", "embedded"));
    }
    try (Secret password = Secret.of(database.password())) {
      engine = BulwarkEngine.builder().jdbc(database.jdbcUrl(), database.user(), password).build();
    }
    return new BulwarkBenchEngine(
        engine, Map.of("history", "audit (default)", "jobExecutor", "on (default)"));
  }
}
