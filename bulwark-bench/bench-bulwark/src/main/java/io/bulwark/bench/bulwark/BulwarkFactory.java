package io.bulwark.bench.bulwark;

import io.bulwark.bench.api.BenchDatabase;
import io.bulwark.bench.api.BenchEngine;
import io.bulwark.bench.api.BenchEngineFactory;
import io.bulwark.bench.api.Workload;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Secret;

/** Builds Bulwark with its defaults on the round's database. */
public final class BulwarkFactory implements BenchEngineFactory {

  @Override
  public String name() {
    return "bulwark";
  }

  @Override
  public BenchEngine build(BenchDatabase database, Workload workload) {
    BulwarkEngine engine =
        BulwarkEngine.builder()
            .jdbc(database.jdbcUrl(), database.user(), Secret.of(database.password()))
            .build();
    return new BulwarkBenchEngine(engine);
  }
}
