package io.bulwark.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.command.EngineDatabase;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The embedding application's two routes (Z1, Z2) through the public builder: as a trusted
 * application made by the engine, or on behalf of a user, who is checked. Neither a name string nor
 * another engine's principal nor a missing principal gets through.
 */
class TrustedApplicationIT {

  private static final String MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
        <bpmn:process id="orders" isExecutable="true">
          <bpmn:startEvent id="s"/>
          <bpmn:userTask id="pack" camunda:candidateGroups="packers"/>
          <bpmn:endEvent id="e"/>
          <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="pack"/>
          <bpmn:sequenceFlow id="f2" sourceRef="pack" targetRef="e"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z2_aTrustedApplicationWorksAndCannotBeForged(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource);
        HikariDataSource otherSource = EngineDatabase.H2.open();
        BulwarkEngine other = build(otherSource)) {
      Principal app = engine.trustedApplication("orders-app");
      engine
          .repositoryService()
          .deploy(
              app,
              DeploymentRequest.of(
                  "orders", "orders.bpmn", MODEL.getBytes(StandardCharsets.UTF_8)));
      String instance =
          engine
              .runtimeService()
              .startProcessInstance(app, StartInstanceRequest.byKey("orders"))
              .id();
      assertThat(engine.taskService().findTasks(app, TaskQuery.all().page(0, 10)).total())
          .isEqualTo(1);

      // On behalf of a user: case security shows the packer the task, no one else.
      Principal packer = Principal.user("pia", "packers");
      assertThat(engine.taskService().findTasks(packer, TaskQuery.all().page(0, 10)).total())
          .isEqualTo(1);
      assertThat(
              engine
                  .taskService()
                  .findTasks(Principal.user("otto"), TaskQuery.all().page(0, 10))
                  .total())
          .isZero();

      Principal forged = Principal.user(app.userId());
      assertThatThrownBy(
              () ->
                  engine
                      .runtimeService()
                      .startProcessInstance(forged, StartInstanceRequest.byKey("orders")))
          .isInstanceOf(AuthorizationDeniedException.class);
      Principal foreign = other.trustedApplication("orders-app");
      assertThatThrownBy(() -> engine.runtimeService().getVariables(foreign, instance))
          .isInstanceOfSatisfying(
              AuthorizationDeniedException.class,
              e -> assertThat(e.denied().get(0).rule()).contains("not made by this engine"));
      assertThatThrownBy(() -> engine.runtimeService().getVariables(null, instance))
          .isInstanceOfSatisfying(
              AuthorizationDeniedException.class,
              e -> assertThat(e.denied().get(0).rule()).startsWith("no principal"));
    }
  }

  private static BulwarkEngine build(HikariDataSource dataSource) {
    return BulwarkEngine.builder()
        .dataSource(dataSource)
        .jobExecutor(JobExecutorActivation.OFF)
        .build();
  }
}
