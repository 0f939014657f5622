package io.bulwark.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.DeploymentResult;
import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.command.UnitOfWork;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The latest version of a key is remembered, and a remembered one is guarded (issue 13). */
class LatestDefinitionIT {

  @AutoClose private TestEngine engine;

  private static String idOf(DeploymentResult deployment) {
    return deployment.processDefinitions().get(0).id();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aDeployThroughThisEngineIsUsedByTheNextStartAtOnce(EngineDatabase database) {
    engine = new TestEngine(database);
    DeploymentResult first = engine.deployXml("latest", Models.oneTask("latest", ""));
    assertThat(engine.start("latest", Map.of()).processDefinitionId()).isEqualTo(idOf(first));
    DeploymentResult second =
        engine.deployXml("latest", Models.oneTask("latest", "camunda:assignee=\"bob\""));
    assertThat(engine.start("latest", Map.of()).processDefinitionId()).isEqualTo(idOf(second));
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aRememberedLatestVersionIsGuardedAndAFreshReadIsNot(EngineDatabase database)
      throws Exception {
    engine = new TestEngine(database);
    DefinitionCache cache = new DefinitionCache(10, ParseOptions.defaults());
    DeploymentResult first = engine.deployXml("other", Models.oneTask("other", ""));
    try (Connection connection = engine.dataSource.getConnection()) {
      UnitOfWork read = new UnitOfWork();
      assertThat(cache.latest(connection, "other", null, read).definitionId())
          .isEqualTo(idOf(first));
      assertThat(read.pending()).isEmpty();
      UnitOfWork remembered = new UnitOfWork();
      assertThat(cache.latest(connection, "other", null, remembered).definitionId())
          .isEqualTo(idOf(first));
      assertThat(remembered.guards()).containsExactly(idOf(first));
    }
  }
}
