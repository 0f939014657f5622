package io.bulwark.engine.variable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.ExternalTaskFilter;
import io.bulwark.engine.api.ExternalTaskService;
import io.bulwark.engine.api.ExternalTaskView;
import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.Incident;
import io.bulwark.engine.api.IncidentFilter;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TopicRequest;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * D1, D5: a sensitive variable's value never appears in a validation message, a job's failure
 * message, an incident message or the engine's log line about the failure; on H2 (both modes) and
 * PostgreSQL.
 */
class SensitiveMessagesIT {

  private static final Principal ALICE = new Principal("alice", Set.of("accounting"));
  private static final String SECRET_DATE = "IBAN-DE89370400440532013000";

  @TempDir Path keys;

  /** An external task whose BPMN error is caught and its message stored in "why". */
  private static final String CHARGE_MODEL =
      """
          <?xml version="1.0" encoding="UTF-8"?>
          <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
              id="d_charge" targetNamespace="http://bulwark.io/test">
            <bpmn:error id="declined" errorCode="DECLINED"/>
            <bpmn:process id="charge" isExecutable="true">
              <bpmn:extensionElements>
                <camunda:properties>
                  <camunda:property name="bulwark:sensitiveVariables" value="iban"/>
                </camunda:properties>
              </bpmn:extensionElements>
              <bpmn:startEvent id="s"/>
              <bpmn:serviceTask id="pay" camunda:type="external" camunda:topic="pay"/>
              <bpmn:boundaryEvent id="b" attachedToRef="pay">
                <bpmn:errorEventDefinition errorRef="declined" camunda:errorMessageVariable="why"/>
              </bpmn:boundaryEvent>
              <bpmn:userTask id="fix"/>
              <bpmn:endEvent id="e"/>
              <bpmn:endEvent id="e2"/>
              <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="pay"/>
              <bpmn:sequenceFlow id="f2" sourceRef="pay" targetRef="e"/>
              <bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="fix"/>
              <bpmn:sequenceFlow id="f4" sourceRef="fix" targetRef="e2"/>
            </bpmn:process>
          </bpmn:definitions>
          """;

  /** An engine with a key store and the job executor off; alice's group may do everything. */
  private BulwarkEngine engine(HikariDataSource dataSource) {
    BulwarkEngine engine =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(JobExecutorActivation.OFF)
            .fieldKeyStore(keys, Secret.of("Corvid-Lantern-58"))
            .build();
    TestGrants.allToGroup(dataSource, "accounting");
    return engine;
  }

  @Test
  void d1_badDateOrJsonIsRefusedWithoutQuotingTheValue() {
    VariableValues values = new VariableValues(VariableSettings.defaults());

    assertThatThrownBy(
            () ->
                values.fromClient("due", "date", JsonNodeFactory.instance.stringNode(SECRET_DATE)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("due")
        .hasMessageNotContaining(SECRET_DATE)
        .hasNoCause();
    assertThatThrownBy(
            () ->
                values.fromClient(
                    "payload",
                    "json",
                    JsonNodeFactory.instance.stringNode("{\"iban\": " + SECRET_DATE + "}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("payload")
        .hasMessageContaining("line 1")
        .hasMessageNotContaining(SECRET_DATE)
        .hasNoCause();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d1_d5_failureOfAJobQuotingASensitiveValueIsScreened(EngineDatabase database) {
    try (HikariDataSource dataSource = database.create();
        BulwarkEngine engine = engine(dataSource)) {
      // The timer's date is the sensitive variable, evaluated in a job (asyncBefore): its parse
      // error quotes the text it could not read.
      String model =
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
              id="d_wait" targetNamespace="http://bulwark.io/test">
            <bpmn:process id="wait" isExecutable="true">
              <bpmn:extensionElements>
                <camunda:properties>
                  <camunda:property name="bulwark:sensitiveVariables" value="due"/>
                </camunda:properties>
              </bpmn:extensionElements>
              <bpmn:startEvent id="s"/>
              <bpmn:intermediateCatchEvent id="t" camunda:asyncBefore="true">
                <bpmn:timerEventDefinition>
                  <bpmn:timeDate>${due}</bpmn:timeDate>
                </bpmn:timerEventDefinition>
              </bpmn:intermediateCatchEvent>
              <bpmn:endEvent id="e"/>
              <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
              <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
            </bpmn:process>
          </bpmn:definitions>
          """;
      engine
          .repositoryService()
          .deploy(
              ALICE,
              DeploymentRequest.of("wait", "wait.bpmn", model.getBytes(StandardCharsets.UTF_8)));
      String instance =
          engine
              .runtimeService()
              .startProcessInstance(
                  ALICE,
                  StartInstanceRequest.byKey("wait").withVariables(Map.of("due", SECRET_DATE)))
              .id();

      for (int attempt = 0; attempt < 3; attempt++) {
        List<Job> jobs =
            engine
                .managementService()
                .listJobs(ALICE, JobFilter.ofProcessInstance(instance), 0, 10);
        assertThat(jobs).hasSize(1);
        try {
          engine.managementService().executeJob(ALICE, jobs.get(0).id());
        } catch (RuntimeException failed) {
          assertThat(String.valueOf(failed.getMessage())).doesNotContain(SECRET_DATE);
        }
      }

      Job job =
          engine
              .managementService()
              .listJobs(ALICE, JobFilter.ofProcessInstance(instance), 0, 10)
              .get(0);
      assertThat(job.retries()).isZero();
      assertThat(job.exceptionMessage()).contains(SensitiveScreen.MASK).doesNotContain(SECRET_DATE);
      List<Incident> incidents =
          engine.managementService().listIncidents(ALICE, IncidentFilter.all(), 0, 10);
      assertThat(incidents)
          .singleElement()
          .satisfies(
              incident ->
                  assertThat(incident.message())
                      .contains(SensitiveScreen.MASK)
                      .doesNotContain(SECRET_DATE));
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d5_failureAndBpmnErrorMessagesOfExternalTaskWorkersAreScreened(EngineDatabase database) {
    try (HikariDataSource dataSource = database.create();
        BulwarkEngine engine = engine(dataSource)) {
      engine
          .repositoryService()
          .deploy(
              ALICE,
              DeploymentRequest.of(
                  "charge", "charge.bpmn", CHARGE_MODEL.getBytes(StandardCharsets.UTF_8)));
      String instance =
          engine
              .runtimeService()
              .startProcessInstance(
                  ALICE,
                  StartInstanceRequest.byKey("charge").withVariables(Map.of("iban", SECRET_DATE)))
              .id();
      ExternalTaskService tasks = engine.externalTaskService();
      FetchRequest fetch =
          new FetchRequest("w1", 1, List.of(new TopicRequest("pay", 60_000, null, null)), false);
      String taskId = tasks.fetchAndLock(ALICE, fetch).get(0).id();

      tasks.handleFailure(
          ALICE,
          taskId,
          "w1",
          "card of " + SECRET_DATE + " declined",
          "at Charge(" + SECRET_DATE + ")",
          0,
          0);

      ExternalTaskView failed =
          tasks.findExternalTasks(ALICE, ExternalTaskFilter.byId(taskId), 0, 1).items().get(0);
      assertThat(failed.errorMessage()).isEqualTo("card of " + SensitiveScreen.MASK + " declined");
      assertThat(tasks.getErrorDetails(ALICE, taskId))
          .contains("at Charge(" + SensitiveScreen.MASK + ")");
      assertThat(engine.managementService().listIncidents(ALICE, IncidentFilter.all(), 0, 10))
          .singleElement()
          .extracting(Incident::message)
          .isEqualTo("card of " + SensitiveScreen.MASK + " declined");

      tasks.setRetries(ALICE, taskId, 1);
      String again = tasks.fetchAndLock(ALICE, fetch).get(0).id();
      tasks.handleBpmnError(ALICE, again, "w1", "DECLINED", "no funds on " + SECRET_DATE, Map.of());

      assertThat(engine.runtimeService().getActiveActivityIds(ALICE, instance))
          .containsExactly("fix");
      assertThat(engine.runtimeService().getVariables(ALICE, instance))
          .containsEntry("why", "no funds on " + SensitiveScreen.MASK)
          .containsEntry("iban", SECRET_DATE);
    }
  }
}
