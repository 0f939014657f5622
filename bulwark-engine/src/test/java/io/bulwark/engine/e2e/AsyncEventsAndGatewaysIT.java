package io.bulwark.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.BulwarkException;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code camunda:asyncBefore/asyncAfter} on events and gateways, as Camunda's AsyncStartEventTest,
 * AsyncEndEventTest and AsyncGatewayTest assert: the command commits at the node, an
 * async-continuation job waits there, and running the job goes on. Jobs are run one by one through
 * the management service (no background executor), so every wait is visible.
 */
class AsyncEventsAndGatewaysIT {

  private static final Principal ALICE = new Principal("alice", Set.of("accounting"));

  private HikariDataSource dataSource;
  private BulwarkEngine engine;

  @AfterEach
  void close() {
    engine.close();
    dataSource.close();
  }

  private void open(EngineDatabase database) {
    dataSource = database.open();
    engine =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(JobExecutorActivation.OFF)
            .build();
    // Alice works through the real checker: her group holds every permission.
    TestGrants.allToGroup(dataSource, "accounting");
  }

  private void deploy(String key, String body) {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="%s" isExecutable="true">%s</bpmn:process>
        </bpmn:definitions>
        """
            .formatted(key, body);
    engine
        .repositoryService()
        .deploy(
            ALICE, DeploymentRequest.of(key, key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8)));
  }

  private List<Job> jobs(ProcessInstance instance) {
    return engine
        .managementService()
        .listJobs(ALICE, JobFilter.ofProcessInstance(instance.id()), 0, 10);
  }

  private void runJobs(ProcessInstance instance, int expected) {
    List<Job> jobs = jobs(instance);
    assertThat(jobs).hasSize(expected);
    for (Job job : jobs) {
      engine.managementService().executeJob(ALICE, job.id());
    }
  }

  private List<String> active(ProcessInstance instance) {
    return engine.runtimeService().getActiveActivityIds(ALICE, instance.id());
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void asyncStartThrowJoinAndEndEachWaitInAJob(EngineDatabase database) {
    open(database);
    deploy(
        "asyncEvents",
        """
            <bpmn:startEvent id="s" camunda:asyncBefore="true"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:intermediateThrowEvent id="a" camunda:asyncAfter="true"/>
            <bpmn:intermediateThrowEvent id="b"/>
            <bpmn:parallelGateway id="join" camunda:asyncBefore="true"/>
            <bpmn:userTask id="task"/>
            <bpmn:endEvent id="e" camunda:asyncBefore="true"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="fork"/>
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="a"/>
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="b"/>
            <bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="join"/>
            <bpmn:sequenceFlow id="f5" sourceRef="b" targetRef="join"/>
            <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="task"/>
            <bpmn:sequenceFlow id="f7" sourceRef="task" targetRef="e"/>
        """);
    ProcessInstance instance =
        engine
            .runtimeService()
            .startProcessInstance(ALICE, StartInstanceRequest.byKey("asyncEvents"));
    assertThat(active(instance)).containsExactly("s");
    runJobs(instance, 1);
    assertThat(active(instance)).containsExactlyInAnyOrder("a", "join");
    runJobs(instance, 2);
    // One token waits at the join, the other in its asyncBefore job there.
    assertThat(active(instance)).containsExactly("join", "join");
    runJobs(instance, 1);
    assertThat(active(instance)).containsExactly("task");
    String task =
        engine
            .taskService()
            .findTasks(ALICE, TaskQuery.all().ofInstance(instance.id()))
            .items()
            .get(0)
            .id();
    engine.taskService().complete(ALICE, task, Map.of());
    assertThat(active(instance)).containsExactly("e");
    runJobs(instance, 1);
    assertThat(active(instance)).isEmpty();
    assertThat(jobs(instance)).isEmpty();
    assertThat(
            engine.historyService().findProcessInstance(ALICE, instance.id()).orElseThrow().state())
        .isEqualTo("COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void asyncAfterOnEventBasedGatewaysAndEndEventsIsRefusedAtDeployment(EngineDatabase database) {
    open(database);
    assertThatThrownBy(
            () ->
                deploy(
                    "asyncAfterGateway",
                    """
                        <bpmn:startEvent id="s"/>
                        <bpmn:eventBasedGateway id="g" camunda:asyncAfter="true"/>
                        <bpmn:intermediateCatchEvent id="t">
                          <bpmn:timerEventDefinition>
                            <bpmn:timeDuration>PT1H</bpmn:timeDuration>
                          </bpmn:timerEventDefinition>
                        </bpmn:intermediateCatchEvent>
                        <bpmn:endEvent id="e" camunda:asyncAfter="true"/>
                        <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g"/>
                        <bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="t"/>
                        <bpmn:sequenceFlow id="f3" sourceRef="t" targetRef="e"/>
                    """))
        .isInstanceOf(BulwarkException.class)
        .hasMessageContaining("camunda:asyncAfter on a gateway is not supported")
        .hasMessageContaining("camunda:asyncAfter on an end event is not supported");
  }
}
