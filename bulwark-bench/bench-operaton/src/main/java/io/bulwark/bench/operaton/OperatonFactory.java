package io.bulwark.bench.operaton;

import io.bulwark.bench.api.BenchDatabase;
import io.bulwark.bench.api.BenchEngine;
import io.bulwark.bench.api.BenchEngineFactory;
import io.bulwark.bench.api.Workload;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Builds Operaton with its defaults; only the database and (for W3) authorization are set. */
public final class OperatonFactory implements BenchEngineFactory {

  @Override
  public String name() {
    return "operaton";
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
        .setProcessEngineName("bench-operaton");
    config.setAuthorizationEnabled(workload == Workload.W3);
    return new OperatonEngine(config, config.buildProcessEngine());
  }
}
