package io.bulwark.bench.flowable;

import io.bulwark.bench.api.BenchDatabase;
import io.bulwark.bench.api.BenchEngine;
import io.bulwark.bench.api.BenchEngineFactory;
import io.bulwark.bench.api.Workload;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Builds Flowable with its defaults; the async executor runs only for W4 (see package doc). */
public final class FlowableFactory implements BenchEngineFactory {

  @Override
  public String name() {
    return "flowable";
  }

  @Override
  public BenchEngine build(BenchDatabase database, Workload workload) {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    config
        .setJdbcUrl(database.jdbcUrl())
        .setJdbcUsername(database.user())
        .setJdbcPassword(database.password())
        .setJdbcDriver(database.postgresql() ? "org.postgresql.Driver" : "org.h2.Driver")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setEngineName("bench-flowable");
    config.setAsyncExecutorActivate(workload == Workload.W4);
    return new FlowableEngine(config, config.buildProcessEngine());
  }
}
