package io.bulwark.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.DeploymentResult;
import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.command.EngineDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The latest version of a key is remembered, and how stale it may be for another node. */
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
  void anotherNodesDeployIsSeenOnceTheTtlHasPassed(EngineDatabase database) throws Exception {
    engine = new TestEngine(database);
    DefinitionCache remembering =
        new DefinitionCache(10, ParseOptions.defaults(), Duration.ofHours(1));
    DefinitionCache expired = new DefinitionCache(10, ParseOptions.defaults(), Duration.ZERO);
    DeploymentResult first = engine.deployXml("other", Models.oneTask("other", ""));
    try (Connection connection = engine.dataSource.getConnection()) {
      assertThat(remembering.latest(connection, "other").definitionId()).isEqualTo(idOf(first));
      // "engine" plays the other node: neither cache hears of its deploy.
      DeploymentResult second =
          engine.deployXml("other", Models.oneTask("other", "camunda:assignee=\"bob\""));
      assertThat(remembering.latest(connection, "other").definitionId()).isEqualTo(idOf(first));
      assertThat(expired.latest(connection, "other").definitionId()).isEqualTo(idOf(second));
      assertThat(expired.latest(connection, "other").version()).isEqualTo(2);
    }
  }
}
