package io.bulwark.engine.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.MessageCorrelation;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.ProcessInstanceQuery.Suspension;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TopicRequest;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.runtime.Models;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A suspended instance does not move on: its tasks cannot be completed, its external tasks are not
 * fetched, messages do not reach it; activated again, it continues (H2 and PostgreSQL). Variables
 * are removed by name.
 */
class SuspensionIT {

  private static final Principal ADMIN =
      Principal.user(IdentityService.INITIAL_ADMINISTRATOR, "bulwark-admins");

  private static final String MODEL =
      Models.process(
          "suspendable",
          """
              <bpmn:startEvent id="s"/>
              <bpmn:parallelGateway id="fork"/>
              <bpmn:userTask id="task"/>
              <bpmn:serviceTask id="work" camunda:type="external" camunda:topic="suspendable"/>
              <bpmn:intermediateCatchEvent id="wait">
                <bpmn:messageEventDefinition messageRef="m"/>
              </bpmn:intermediateCatchEvent>
              <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="fork"/>
              <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="task"/>
              <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="work"/>
              <bpmn:sequenceFlow id="f4" sourceRef="fork" targetRef="wait"/>
              <bpmn:endEvent id="e1"/>
              <bpmn:endEvent id="e2"/>
              <bpmn:endEvent id="e3"/>
              <bpmn:sequenceFlow id="f5" sourceRef="task" targetRef="e1"/>
              <bpmn:sequenceFlow id="f6" sourceRef="work" targetRef="e2"/>
              <bpmn:sequenceFlow id="f7" sourceRef="wait" targetRef="e3"/>
          """,
          "<bpmn:message id=\"m\" name=\"resume\"/>");

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void aSuspendedInstanceDoesNotMoveOnUntilActivated(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine =
            BulwarkEngine.builder()
                .dataSource(dataSource)
                .jobExecutor(JobExecutorActivation.OFF)
                .build()) {
      engine.identityService().ensureInitialAdministrator();
      engine
          .repositoryService()
          .deploy(
              ADMIN, DeploymentRequest.of("s", "s.bpmn", MODEL.getBytes(StandardCharsets.UTF_8)));
      String id =
          engine
              .runtimeService()
              .startProcessInstance(
                  ADMIN,
                  StartInstanceRequest.byKey("suspendable")
                      .withVariables(Map.of("keep", 1, "drop", "x")))
              .id();
      String task =
          engine.taskService().findTasks(ADMIN, TaskQuery.all().ofInstance(id)).items().get(0).id();
      FetchRequest fetch =
          new FetchRequest(
              "worker", 10, List.of(new TopicRequest("suspendable", 60_000, null, null)), false);

      engine.runtimeService().setSuspension(ADMIN, id, Suspension.SUSPENDED);
      assertThat(
              engine
                  .runtimeService()
                  .findProcessInstances(
                      ADMIN,
                      ProcessInstanceQuery.all().withIds(Set.of(id)).in(Suspension.SUSPENDED))
                  .total())
          .isEqualTo(1);
      assertThatThrownBy(() -> engine.taskService().complete(ADMIN, task, Map.of()))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("suspended");
      assertThat(engine.externalTaskService().fetchAndLock(ADMIN, fetch)).isEmpty();
      assertThatThrownBy(
              () ->
                  engine
                      .runtimeService()
                      .correlateMessage(ADMIN, MessageCorrelation.named("resume")))
          .isInstanceOf(NotFoundException.class);
      engine.runtimeService().modifyVariables(ADMIN, id, Map.of(), List.of("drop", "absent"));
      assertThat(engine.runtimeService().getVariables(ADMIN, id)).containsOnlyKeys("keep");

      engine.runtimeService().setSuspension(ADMIN, id, Suspension.ACTIVE);
      engine.taskService().complete(ADMIN, task, Map.of());
      assertThat(engine.externalTaskService().fetchAndLock(ADMIN, fetch)).hasSize(1);
      engine.runtimeService().correlateMessage(ADMIN, MessageCorrelation.named("resume"));
      assertThat(engine.runtimeService().getActiveActivityIds(ADMIN, id)).containsExactly("work");
      assertThatThrownBy(
              () ->
                  engine
                      .runtimeService()
                      .setSuspension(Principal.user("eve"), id, Suspension.SUSPENDED))
          .isInstanceOf(NotFoundException.class);
    }
  }
}
