package io.bulwark.engine.job;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.command.EngineDatabase;
import java.nio.charset.StandardCharsets;

/**
 * An engine through the public API on a fresh database, with its job executor off: the job tests
 * deploy models and run each job by hand ({@code managementService().executeJob}).
 */
final class ManualJobEngine implements AutoCloseable {

  final HikariDataSource dataSource;
  final BulwarkEngine engine;
  final Principal app;

  ManualJobEngine(EngineDatabase database, String application) {
    dataSource = database.create();
    engine =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(JobExecutorActivation.OFF)
            .build();
    app = engine.trustedApplication(application);
  }

  /** Deploys {@code xml} as {@code name.bpmn}. */
  void deploy(String name, String xml) {
    engine
        .repositoryService()
        .deploy(
            app, DeploymentRequest.of(name, name + ".bpmn", xml.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A definitions document of one process with {@code processAttributes} and {@code body}, in the
   * BPMN default namespace with {@code camunda:} and the old {@code fox:} declared.
   */
  static String process(String id, String processAttributes, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:fox="http://www.camunda.com/fox" targetNamespace="urn:test">
          <process id="%s" isExecutable="true" %s>
        %s
          </process>
        </definitions>
        """
        .formatted(id, processAttributes, body);
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }
}
