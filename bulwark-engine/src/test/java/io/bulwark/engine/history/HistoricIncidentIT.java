package io.bulwark.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.HistoricIncidentQuery;
import io.bulwark.engine.api.HistoryRetentionSettings;
import io.bulwark.engine.api.HistoryService.HistoricIncident;
import io.bulwark.engine.api.IncidentFilter;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TopicRequest;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.job.JobHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Incidents kept in history (issue 14): open when created, resolved when retries are given again,
 * deleted with their external task; filtered by the case-security list filter (Z3) and removed by
 * retention (D5). On H2 (both modes) and PostgreSQL.
 */
class HistoricIncidentIT {

  private static final Principal ALICE = new Principal("alice", Set.of("accounting"));
  private static final Principal MALLORY = new Principal("mallory", Set.of());

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

  private void start(EngineDatabase database, HistoryRetentionSettings retention) {
    dataSource = database.open();
    engine =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(JobExecutorActivation.OFF)
            .historyRetention(retention)
            .build();
    TestGrants.allToGroup(dataSource, "accounting");
  }

  private void deploy(String key, String timeToLive) {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="d_%1$s" targetNamespace="http://bulwark.io/test">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="%2$s">
            <bpmn:startEvent id="s"/>
            <bpmn:serviceTask id="charge" camunda:type="external" camunda:topic="charge-%1$s"/>
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:timerEventDefinition>
                <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="charge"/>
            <bpmn:sequenceFlow id="f2" sourceRef="charge" targetRef="wait"/>
            <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(key, timeToLive);
    engine
        .repositoryService()
        .deploy(
            ALICE, DeploymentRequest.of(key, key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8)));
  }

  private String startInstance(String key) {
    return engine
        .runtimeService()
        .startProcessInstance(ALICE, StartInstanceRequest.byKey(key))
        .id();
  }

  /** Fetches the instance's external task and fails it without retries: an incident. */
  private LockedExternalTask failWithoutRetries(String key) {
    LockedExternalTask task =
        engine
            .externalTaskService()
            .fetchAndLock(
                ALICE,
                new FetchRequest(
                    "w1", 1, List.of(new TopicRequest("charge-" + key, 60_000, null, null)), false))
            .get(0);
    engine.externalTaskService().handleFailure(ALICE, task.id(), "w1", "bank down", null, 0, 0);
    return task;
  }

  private List<HistoricIncident> incidents(Principal principal, HistoricIncidentQuery query) {
    return engine.historyService().findIncidents(principal, query).items();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void anIncidentIsKeptOpenThenResolvedInHistory(EngineDatabase database) {
    start(database, HistoryRetentionSettings.defaults());
    deploy("pay", "P30D");
    String instance = startInstance("pay");
    LockedExternalTask task = failWithoutRetries("pay");

    List<HistoricIncident> open =
        incidents(ALICE, HistoricIncidentQuery.all().ofInstance(instance));
    assertThat(open).hasSize(1);
    HistoricIncident incident = open.get(0);
    assertThat(incident.state()).isEqualTo("open");
    assertThat(incident.type()).isEqualTo("failedExternalTask");
    assertThat(incident.externalTaskId()).isEqualTo(task.id());
    assertThat(incident.processDefinitionKey()).isEqualTo("pay");
    assertThat(incident.processDefinitionId()).isNotNull();
    assertThat(incident.activityId()).isEqualTo("charge");
    assertThat(incident.message()).isEqualTo("bank down");
    assertThat(incident.endedAt()).isNull();

    engine.externalTaskService().setRetries(ALICE, task.id(), 2);

    HistoricIncident resolved =
        incidents(ALICE, HistoricIncidentQuery.all().ofInstance(instance)).get(0);
    assertThat(resolved.id()).isEqualTo(incident.id());
    assertThat(resolved.state()).isEqualTo("resolved");
    assertThat(resolved.endedAt()).isAfterOrEqualTo(resolved.createdAt());
    assertThat(engine.managementService().countIncidents(ALICE, IncidentFilter.all())).isZero();
    assertThat(
            incidents(
                ALICE,
                HistoricIncidentQuery.all()
                    .ofInstance(instance)
                    .in(HistoricIncidentQuery.State.OPEN)))
        .isEmpty();
    assertThat(
            incidents(
                ALICE,
                HistoricIncidentQuery.all()
                    .ofDefinition(incident.processDefinitionId(), "pay")
                    .ofType("failedExternalTask")
                    .in(HistoricIncidentQuery.State.RESOLVED)))
        .extracting(HistoricIncident::id)
        .containsExactly(incident.id());
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aJobIncidentIsResolvedAndAnotherDeletedWithItsInstance(EngineDatabase database) {
    start(database, HistoryRetentionSettings.defaults());
    deploy("timed", "P30D");
    String instance = startInstance("timed");
    LockedExternalTask task =
        engine
            .externalTaskService()
            .fetchAndLock(
                ALICE,
                new FetchRequest(
                    "w1", 1, List.of(new TopicRequest("charge-timed", 60_000, null, null)), false))
            .get(0);
    engine.externalTaskService().complete(ALICE, task.id(), "w1", Map.of(), Map.of());
    String jobId =
        engine
            .managementService()
            .listJobs(ALICE, new JobFilter(instance, null, null, null, null, null), 0, 10)
            .get(0)
            .id();
    engine.managementService().setJobRetries(ALICE, jobId, 0);
    engine.managementService().setJobRetries(ALICE, jobId, 3);
    engine.managementService().setJobRetries(ALICE, jobId, 0);
    engine.runtimeService().deleteProcessInstance(ALICE, instance, "cancelled by test");

    List<HistoricIncident> all =
        incidents(
            ALICE,
            HistoricIncidentQuery.all()
                .ofInstance(instance)
                .orderBy(HistoricIncidentQuery.Sort.CREATE_TIME, SortOrder.ASC));
    assertThat(all).extracting(HistoricIncident::state).containsExactly("resolved", "deleted");
    assertThat(all).extracting(HistoricIncident::jobId).containsOnly(jobId);
    assertThat(all).extracting(HistoricIncident::type).containsOnly("failedJob");
    assertThat(all).allSatisfy(i -> assertThat(i.endedAt()).isNotNull());
    assertThat(
            incidents(
                    ALICE,
                    HistoricIncidentQuery.all()
                        .ofInstance(instance)
                        .in(HistoricIncidentQuery.State.DELETED))
                .size())
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void z3_incidentsOfInstancesOthersCannotReadAreNotListed(EngineDatabase database) {
    start(database, HistoryRetentionSettings.defaults());
    deploy("secret", "P30D");
    String instance = startInstance("secret");
    failWithoutRetries("secret");
    assertThat(incidents(ALICE, HistoricIncidentQuery.all().ofInstance(instance))).hasSize(1);
    assertThat(engine.historyService().findIncidents(MALLORY, HistoricIncidentQuery.all()).total())
        .isZero();
    assertThat(incidents(MALLORY, HistoricIncidentQuery.all().ofInstance(instance))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void w8_pagesAreBounded(EngineDatabase database) {
    start(database, HistoryRetentionSettings.defaults());
    assertThatThrownBy(() -> incidents(ALICE, HistoricIncidentQuery.all().page(0, 2001)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxResults");
    assertThatThrownBy(() -> incidents(ALICE, HistoricIncidentQuery.all().page(-1, 10)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("firstResult");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d5_incidentsGoWithTheirInstancesHistory(EngineDatabase database) {
    start(database, new HistoryRetentionSettings(Duration.ofDays(180), Duration.ofHours(1), 100));
    deploy("brief", "0");
    String instance = startInstance("brief");
    failWithoutRetries("brief");
    engine.runtimeService().deleteProcessInstance(ALICE, instance, "cancelled by test");
    assertThat(incidents(ALICE, HistoricIncidentQuery.all().ofInstance(instance)))
        .extracting(HistoricIncident::state)
        .containsExactly("deleted");

    String cleanup =
        engine
            .managementService()
            .listJobs(
                ALICE,
                new JobFilter(null, null, null, JobHandler.HISTORY_CLEANUP, null, null),
                0,
                1)
            .get(0)
            .id();
    engine.managementService().executeJob(ALICE, cleanup);

    assertThat(incidents(ALICE, HistoricIncidentQuery.all().ofInstance(instance))).isEmpty();
  }
}
