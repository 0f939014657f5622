package io.bulwark.bench.camunda;

import io.bulwark.bench.api.BenchDatabase;
import io.bulwark.bench.api.BenchEngine;
import io.bulwark.bench.api.BenchEngineFactory;
import io.bulwark.bench.api.Workload;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Builds Camunda 7 with its defaults; only the database and (for W3) authorization are set. */
public final class CamundaFactory implements BenchEngineFactory {

  @Override
  public String name() {
    return "camunda";
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
        .setProcessEngineName("bench-camunda");
    config.setAuthorizationEnabled(workload == Workload.W3);
    return new CamundaEngine(config, config.buildProcessEngine());
  }
}
