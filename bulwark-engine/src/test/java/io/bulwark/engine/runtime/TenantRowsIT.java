package io.bulwark.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentDeletion;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.DeploymentResult;
import io.bulwark.engine.api.ExternalTaskFilter;
import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.Incident;
import io.bulwark.engine.api.IncidentFilter;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TopicRequest;
import io.bulwark.engine.authz.Grant;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tenants on rows read and changed by their ID (Z2, Z3), with the real checker: another tenant's
 * deployment, definition, job, incident or external task answers exactly like a missing one, for
 * every by-ID call; fetch-and-lock locks only tasks of the worker's tenants and tasks without
 * tenant; a holder of READ on TENANT {@code *} reaches every tenant. On H2 and PostgreSQL.
 */
class TenantRowsIT {

  /** The administrators' group: ALL on every type, TENANT * included. */
  private static final Principal ALICE = new Principal("alice", Set.of("accounting"));

  /** Member of tenant north directly; operator of jobs, incidents, external tasks, deployments. */
  private static final Principal NORA = Principal.user("nora", "operators");

  /** Member of tenant south through the group southies. */
  private static final Principal SAM = Principal.user("sam", "operators", "southies");

  /** Member of no tenant. */
  private static final Principal OLGA = Principal.user("olga", "operators");

  /** No grant at all. */
  private static final Principal MALLORY = Principal.user("mallory");

  private static final String KEY = "payment";
  private static final String TOPIC = "pay";

  private HikariDataSource dataSource;
  private BulwarkEngine engine;

  /** One instance per tenant (north, south) and one without tenant. */
  private Rows north;

  private Rows south;
  private Rows shared;

  private record Rows(String deployment, String definition, String instance) {}

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    if (dataSource != null) {
      dataSource.close();
    }
  }

  private void setUp(EngineDatabase database) {
    dataSource = database.open();
    engine =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(JobExecutorActivation.OFF)
            .build();
    TestGrants.allToGroup(dataSource, "accounting");
    for (ResourceType type :
        List.of(
            ResourceType.JOB,
            ResourceType.INCIDENT,
            ResourceType.EXTERNAL_TASK,
            ResourceType.EXTERNAL_TASK_TOPIC,
            ResourceType.DEPLOYMENT,
            ResourceType.PROCESS_DEFINITION)) {
      TestGrants.insert(
          dataSource, Grant.Type.GRANT, null, "operators", type, Requirement.ANY, Permission.ALL);
    }
    sql(
        "INSERT INTO bw_user (id, display_name, must_change_password, disabled, created,"
            + " revision) VALUES ('nora', 'nora', FALSE, FALSE, CURRENT_TIMESTAMP, 1)");
    sql(
        "INSERT INTO bw_group (id, name, created, revision)"
            + " VALUES ('southies', 'southies', CURRENT_TIMESTAMP, 1)");
    for (String tenant : List.of("north", "south")) {
      sql(
          "INSERT INTO bw_tenant (id, name, created, revision) VALUES ('"
              + tenant
              + "', '"
              + tenant
              + "', CURRENT_TIMESTAMP, 1)");
    }
    sql("INSERT INTO bw_tenant_user (tenant_id, user_id) VALUES ('north', 'nora')");
    sql("INSERT INTO bw_tenant_group (tenant_id, group_id) VALUES ('south', 'southies')");
    north = deployAndStart("north");
    south = deployAndStart("south");
    shared = deployAndStart(null);
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z2_anotherTenantsJobAndIncidentAnswerLikeMissingOnes(EngineDatabase database) {
    setUp(database);
    String southJob = jobOf(south);
    engine.managementService().setJobRetries(ALICE, southJob, 0);
    String southIncident = incidentOf(south);

    for (String id : List.of(southJob, "no-such-job")) {
      assertNotFound(() -> engine.managementService().getJob(NORA, id), "job " + id);
      assertNotFound(() -> engine.managementService().setJobRetries(NORA, id, 3), "job " + id);
      assertNotFound(() -> engine.managementService().executeJob(NORA, id), "job " + id);
    }
    for (String id : List.of(southIncident, "no-such-incident")) {
      assertNotFound(() -> engine.managementService().resolveIncident(NORA, id), "incident " + id);
    }
    // Without any grant, both answer the same denial: the tenant check runs after the grants.
    assertDeniedAlike(
        id -> engine.managementService().setJobRetries(MALLORY, id, 3), southJob, "no-such-job");
    assertThat(engine.managementService().getJob(ALICE, southJob).retries()).isZero();

    // Her own tenant's and the untenanted rows work; Sam reaches south, Olga only the shared one.
    for (Rows own : List.of(north, shared)) {
      engine.managementService().setJobRetries(NORA, jobOf(own), 0);
      engine.managementService().resolveIncident(NORA, incidentOf(own));
      assertThat(engine.managementService().getJob(NORA, jobOf(own)).id()).isEqualTo(jobOf(own));
    }
    engine.managementService().resolveIncident(SAM, southIncident);
    assertThat(engine.managementService().getJob(SAM, southJob).id()).isEqualTo(southJob);
    assertNotFound(
        () -> engine.managementService().setJobRetries(OLGA, jobOf(north), 1),
        "job " + jobOf(north));
    engine.managementService().setJobRetries(OLGA, jobOf(shared), 2);
    // Alice holds ALL on TENANT *: every tenant.
    engine.managementService().setJobRetries(ALICE, southJob, 4);
    engine.managementService().setJobRetries(ALICE, jobOf(north), 4);
    assertThat(engine.managementService().getJob(ALICE, southJob).retries()).isEqualTo(4);
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z2_anotherTenantsExternalTaskAnswersLikeAMissingOne(EngineDatabase database) {
    setUp(database);
    LockedExternalTask southTask = fetch(SAM, List.of()).get(0);
    assertThat(southTask.tenantId()).isEqualTo("south");
    var tasks = engine.externalTaskService();

    for (String id : List.of(southTask.id(), "no-such-task")) {
      String what = "external task " + id;
      assertNotFound(() -> tasks.complete(NORA, id, "w-sam", Map.of(), Map.of()), what);
      assertNotFound(() -> tasks.handleFailure(NORA, id, "w-sam", "down", null, 1, 0), what);
      assertNotFound(() -> tasks.handleBpmnError(NORA, id, "w-sam", "E1", "no", Map.of()), what);
      assertNotFound(() -> tasks.extendLock(NORA, id, "w-sam", 60_000), what);
      assertNotFound(() -> tasks.unlock(NORA, id), what);
      assertNotFound(() -> tasks.setRetries(NORA, id, 3), what);
      assertNotFound(() -> tasks.getErrorDetails(NORA, id), what);
      assertThat(tasks.findExternalTasks(NORA, ExternalTaskFilter.byId(id), 0, 10).items())
          .isEmpty();
    }
    assertDeniedAlike(id -> tasks.unlock(MALLORY, id), southTask.id(), "no-such-task");

    // Sam, whose tenant it is, works on it; Alice reaches it as well.
    tasks.extendLock(SAM, southTask.id(), "w-sam", 60_000);
    tasks.unlock(ALICE, southTask.id());
    assertThat(fetch(SAM, List.of())).extracting(LockedExternalTask::id).contains(southTask.id());
    tasks.complete(SAM, southTask.id(), "w-sam", Map.of(), Map.of());
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z2_anotherTenantsDeploymentAndDefinitionAnswerLikeMissingOnes(EngineDatabase database) {
    setUp(database);
    var repository = engine.repositoryService();

    for (String id : List.of(south.deployment(), "no-such-deployment")) {
      String what = "deployment " + id;
      assertNotFound(() -> repository.getDeployment(NORA, id), what);
      assertNotFound(() -> repository.getDeploymentResources(NORA, id), what);
      assertNotFound(
          () -> repository.deleteDeployment(NORA, id, DeploymentDeletion.CANCEL_INSTANCES), what);
    }
    for (String id : List.of(south.definition(), "no-such-definition")) {
      assertNotFound(() -> repository.getProcessDefinition(NORA, id), "process definition " + id);
      assertNotFound(
          () -> repository.getProcessDefinitionXml(NORA, id), "process definition " + id);
      assertNotFound(
          () -> engine.runtimeService().getStartForm(NORA, id), "process definition " + id);
      assertNotFound(
          () -> engine.runtimeService().startProcessInstance(NORA, StartInstanceRequest.byId(id)),
          "process definition " + id);
    }
    assertThat(
            engine.runtimeService().getStartForm(NORA, north.definition()).processDefinitionKey())
        .isEqualTo(KEY);

    assertThat(repository.getDeployment(NORA, north.deployment()).id())
        .isEqualTo(north.deployment());
    assertThat(repository.getProcessDefinition(NORA, shared.definition()).id())
        .isEqualTo(shared.definition());
    assertThat(repository.getProcessDefinition(SAM, south.definition()).tenantId())
        .isEqualTo("south");
    assertThat(repository.getDeployment(ALICE, south.deployment()).id())
        .isEqualTo(south.deployment());
    repository.deleteDeployment(SAM, south.deployment(), DeploymentDeletion.CANCEL_INSTANCES);
    assertNotFound(
        () -> repository.getDeployment(ALICE, south.deployment()),
        "deployment " + south.deployment());
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z3_fetchAndLockLocksOnlyTasksOfTheWorkersTenantsAndWithoutTenant(EngineDatabase database) {
    setUp(database);

    // Asking for another tenant by name does not open it.
    assertThat(fetch(NORA, List.of("south"))).isEmpty();
    assertThat(fetch(OLGA, List.of("north", "south"))).isEmpty();
    assertThat(fetch(NORA, List.of()))
        .extracting(LockedExternalTask::processInstanceId)
        .containsExactlyInAnyOrder(north.instance(), shared.instance());
    assertThat(fetch(SAM, List.of()))
        .extracting(LockedExternalTask::processInstanceId)
        .containsExactly(south.instance());
    assertThat(fetch(OLGA, List.of())).isEmpty();

    // Alice (READ on TENANT *) locks every tenant's task once the locks are given back.
    for (String instance : List.of(north.instance(), south.instance(), shared.instance())) {
      String task =
          engine
              .externalTaskService()
              .findExternalTasks(
                  ALICE,
                  new ExternalTaskFilter(
                      null, null, null, null, null, instance, null, null, null, null),
                  0,
                  1)
              .items()
              .get(0)
              .id();
      engine.externalTaskService().unlock(ALICE, task);
    }
    assertThat(fetch(ALICE, List.of()))
        .extracting(LockedExternalTask::processInstanceId)
        .containsExactlyInAnyOrder(north.instance(), south.instance(), shared.instance());
  }

  private List<LockedExternalTask> fetch(Principal worker, List<String> tenantIds) {
    TopicRequest topic =
        new TopicRequest(
            TOPIC, 60_000, null, null, Set.of(), Set.of(), Set.copyOf(tenantIds), Map.of(), false);
    return engine
        .externalTaskService()
        .fetchAndLock(worker, new FetchRequest("w-" + worker.userId(), 10, List.of(topic), false));
  }

  private static void assertNotFound(ThrowingCallable call, String what) {
    assertThatThrownBy(call)
        .isInstanceOf(NotFoundException.class)
        .hasMessageStartingWith(what + " ")
        .hasMessageNotContaining("tenant");
  }

  /** The call denies an existing row of another tenant and a missing row with the same rule. */
  private static void assertDeniedAlike(Consumer<String> call, String foreign, String missing) {
    String[] rules = new String[2];
    String[] ids = {foreign, missing};
    for (int i = 0; i < 2; i++) {
      String id = ids[i];
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> call.accept(id));
      assertThat(thrown).isInstanceOf(AuthorizationDeniedException.class);
      rules[i] = thrown.getMessage().replace(id, "ID");
    }
    assertThat(rules[0]).isEqualTo(rules[1]);
  }

  private Rows deployAndStart(String tenantId) {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="d_payment" targetNamespace="http://bulwark.io/test">
          <bpmn:process id="payment" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:serviceTask id="charge" camunda:type="external" camunda:topic="pay"/>
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:timerEventDefinition>
                <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="e1"/>
            <bpmn:endEvent id="e2"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="fork"/>
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="charge"/>
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="wait"/>
            <bpmn:sequenceFlow id="f4" sourceRef="charge" targetRef="e1"/>
            <bpmn:sequenceFlow id="f5" sourceRef="wait" targetRef="e2"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
    DeploymentResult deployed =
        engine
            .repositoryService()
            .deploy(
                ALICE,
                new DeploymentRequest(
                    KEY, Map.of(KEY + ".bpmn", xml.getBytes(StandardCharsets.UTF_8)), tenantId));
    StartInstanceRequest start =
        tenantId == null
            ? StartInstanceRequest.byKey(KEY)
            : StartInstanceRequest.byKeyAndTenant(KEY, tenantId);
    String instance = engine.runtimeService().startProcessInstance(ALICE, start).id();
    return new Rows(deployed.id(), deployed.processDefinitions().get(0).id(), instance);
  }

  private String jobOf(Rows rows) {
    List<Job> jobs =
        engine
            .managementService()
            .listJobs(ALICE, JobFilter.ofProcessInstance(rows.instance()), 0, 10);
    assertThat(jobs).hasSize(1);
    return jobs.get(0).id();
  }

  private String incidentOf(Rows rows) {
    List<Incident> incidents =
        engine
            .managementService()
            .listIncidents(ALICE, new IncidentFilter(rows.instance(), null, null, null), 0, 10);
    assertThat(incidents).hasSize(1);
    return incidents.get(0).id();
  }

  private void sql(String statement) {
    try (var connection = dataSource.getConnection();
        var executed = connection.createStatement()) {
      executed.executeUpdate(statement);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
