package io.bulwark.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.DefinitionSuspension;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.ForbiddenException;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.ProcessDefinitionQuery;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.ProcessInstanceView;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.authz.Grant;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.job.JobHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Definition suspension in the engine (issue 14), on H2 (both modes) and PostgreSQL: a suspended
 * version cannot be started by id or key, its timer start job is suspended with it, a key with
 * {@code includeProcessInstances} suspends every version and running instance, activation undoes
 * it; a caller who cannot read the definition gets not found (Z2), one who can read but not update
 * it is refused.
 */
class DefinitionSuspensionIT {

  private static final Principal ALICE = new Principal("alice", Set.of("accounting"));
  private static final Principal MALLORY = new Principal("mallory", Set.of());
  private static final Principal READER = new Principal("reader", Set.of());

  private HikariDataSource dataSource;
  private BulwarkEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    if (dataSource != null) {
      dataSource.close();
    }
  }

  private void start(EngineDatabase database) {
    dataSource = database.open();
    engine =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(JobExecutorActivation.OFF)
            .build();
    TestGrants.allToGroup(dataSource, "accounting");
  }

  private ProcessDefinition deploy(String key, String start) {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="d_%1$s" targetNamespace="http://bulwark.io/test">
          <bpmn:process id="%1$s" isExecutable="true">
            %2$s
            <bpmn:userTask id="review"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(key, start);
    engine
        .repositoryService()
        .deploy(
            ALICE,
            DeploymentRequest.of(
                key + "-" + start.length(), key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8)));
    return engine.repositoryService().findProcessDefinitions(ALICE, latest(key)).items().get(0);
  }

  private static ProcessDefinitionQuery latest(String key) {
    return ProcessDefinitionQuery.all().latestOf(key);
  }

  private static final String PLAIN_START = "<bpmn:startEvent id=\"s\"/>";

  private static final String TIMER_START =
      """
      <bpmn:startEvent id="s">
        <bpmn:timerEventDefinition>
          <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT1H</bpmn:timeCycle>
        </bpmn:timerEventDefinition>
      </bpmn:startEvent>
      """;

  private String startByKey(String key) {
    return engine
        .runtimeService()
        .startProcessInstance(ALICE, StartInstanceRequest.byKey(key))
        .id();
  }

  private ProcessInstanceView instance(String id) {
    return engine
        .runtimeService()
        .findProcessInstances(ALICE, ProcessInstanceQuery.all().withIds(Set.of(id)))
        .items()
        .get(0);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aSuspendedVersionCannotBeStartedUntilActivated(EngineDatabase database) {
    start(database);
    ProcessDefinition definition = deploy("invoice", PLAIN_START);

    engine
        .repositoryService()
        .setProcessDefinitionSuspension(
            ALICE, DefinitionSuspension.byId(definition.id(), true, false));

    assertThat(engine.repositoryService().getProcessDefinition(ALICE, definition.id()).suspended())
        .isTrue();
    assertThatThrownBy(() -> startByKey("invoice"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("is suspended");
    assertThatThrownBy(
            () ->
                engine
                    .runtimeService()
                    .startProcessInstance(ALICE, StartInstanceRequest.byId(definition.id())))
        .isInstanceOf(ConflictException.class);

    engine
        .repositoryService()
        .setProcessDefinitionSuspension(
            ALICE, DefinitionSuspension.byId(definition.id(), false, false));
    assertThat(engine.repositoryService().getProcessDefinition(ALICE, definition.id()).suspended())
        .isFalse();
    assertThat(instance(startByKey("invoice")).suspended()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aKeyWithItsInstancesSuspendsEveryVersionAndRunningInstance(EngineDatabase database) {
    start(database);
    ProcessDefinition one = deploy("order", PLAIN_START);
    String first = startByKey("order");
    ProcessDefinition second = deploy("order", PLAIN_START + " ");
    String later = startByKey("order");
    assertThat(second.version()).isEqualTo(2);

    engine
        .repositoryService()
        .setProcessDefinitionSuspension(ALICE, DefinitionSuspension.byKey("order", true, true));

    for (ProcessDefinition version : List.of(one, second)) {
      assertThat(engine.repositoryService().getProcessDefinition(ALICE, version.id()).suspended())
          .isTrue();
    }
    assertThat(instance(first).suspended()).isTrue();
    assertThat(instance(later).suspended()).isTrue();

    engine
        .repositoryService()
        .setProcessDefinitionSuspension(ALICE, DefinitionSuspension.byKey("order", false, false));
    assertThat(instance(first).suspended())
        .as("instances stay suspended without includeProcessInstances")
        .isTrue();
    engine
        .repositoryService()
        .setProcessDefinitionSuspension(ALICE, DefinitionSuspension.byKey("order", false, true));
    assertThat(instance(first).suspended()).isFalse();
    assertThat(instance(later).suspended()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void theTimerStartJobIsSuspendedWithItsDefinition(EngineDatabase database) {
    start(database);
    ProcessDefinition definition = deploy("nightly", TIMER_START);
    JobFilter timers = new JobFilter(null, null, null, JobHandler.TIMER_START, null, null);
    List<Job> before = engine.managementService().listJobs(ALICE, timers, 0, 10);
    assertThat(before).hasSize(1);
    assertThat(before.get(0).suspended()).isFalse();

    engine
        .repositoryService()
        .setProcessDefinitionSuspension(
            ALICE, DefinitionSuspension.byId(definition.id(), true, false));
    assertThat(engine.managementService().listJobs(ALICE, timers, 0, 10).get(0).suspended())
        .isTrue();

    engine
        .repositoryService()
        .setProcessDefinitionSuspension(
            ALICE, DefinitionSuspension.byId(definition.id(), false, false));
    assertThat(engine.managementService().listJobs(ALICE, timers, 0, 10).get(0).suspended())
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void z2_unreadableDefinitionsAreNotFoundAndReadersCannotSuspend(EngineDatabase database) {
    start(database);
    ProcessDefinition definition = deploy("payroll", PLAIN_START);
    TestGrants.insert(
        dataSource,
        Grant.Type.GRANT,
        READER.userId(),
        null,
        ResourceType.PROCESS_DEFINITION,
        "payroll",
        Permission.READ);

    assertThatThrownBy(
            () ->
                engine
                    .repositoryService()
                    .setProcessDefinitionSuspension(
                        MALLORY, DefinitionSuspension.byId(definition.id(), true, false)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                engine
                    .repositoryService()
                    .setProcessDefinitionSuspension(
                        MALLORY, DefinitionSuspension.byKey("payroll", true, false)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                engine
                    .repositoryService()
                    .setProcessDefinitionSuspension(
                        READER, DefinitionSuspension.byKey("payroll", true, false)))
        .isInstanceOf(ForbiddenException.class);
    assertThat(engine.repositoryService().getProcessDefinition(ALICE, definition.id()).suspended())
        .isFalse();
  }
}
