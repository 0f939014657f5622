package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.HistoricProcessInstanceQuery;
import io.bulwark.engine.api.HistoryService.HistoricProcessInstance;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.ProcessInstanceView;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.authz.Grant;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.grant.DefaultAuthorizationService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tenants in case security (Z2, Z3) with the real checker: a row of a tenant is visible only to
 * members of that tenant (directly or through a group), on top of involvement and grants; rows
 * without tenant are unaffected; holders of READ on TENANT {@code *} see every tenant; another
 * tenant's task or instance answers "not found"; definition versions and the remembered latest
 * version are per key and tenant.
 */
class TenantSecurityIT {

  /** Member of tenant north directly. */
  private static final Principal NORA = Principal.user("nora", "clerks");

  /** Member of tenant south through the group southies. */
  private static final Principal SAM = Principal.user("sam", "clerks", "southies");

  /** Member of no tenant. */
  private static final Principal OLGA = Principal.user("olga", "clerks");

  private static final String KEY = "claim";

  @AutoClose private TestEngine engine;

  private String north;
  private String south;
  private String shared;

  private void setUp(EngineDatabase database) {
    engine = new TestEngine(database, RuntimeSettings.defaults(), new GrantChecker());
    TestGrants.allToGroup(engine.dataSource, "accounting");
    members();
    tenant("north", "user", "nora");
    tenant("south", "group", "southies");
    deploy("north", "North claim");
    deploy("south", "South claim");
    deploy(null, "Claim");
    north = startIn("north").id();
    south = startIn("south").id();
    shared =
        engine.runtimeService.startProcessInstance(ALICE, StartInstanceRequest.byKey(KEY)).id();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z3_aTenantMemberListsAndCountsOnlyItsTenantsAndUntenantedRows(EngineDatabase database) {
    setUp(database);

    assertVisible(NORA, north, shared);
    assertVisible(SAM, south, shared);
    assertVisible(OLGA, shared);
    // Alice's group holds ALL on TENANT * (as the administrators do): every tenant.
    assertVisible(ALICE, north, south, shared);
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z3_anotherTenantsTaskAndInstanceAnswerNotFound(EngineDatabase database) {
    setUp(database);
    String southTask = engine.onlyTask(south).id();

    assertThatThrownBy(() -> engine.tasks.getTask(NORA, southTask))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.tasks.claim(NORA, southTask, "nora"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.tasks.complete(NORA, southTask, Map.of()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.runtimeService.getVariables(NORA, south))
        .isInstanceOf(NotFoundException.class);
    assertThat(engine.history.findProcessInstance(NORA, south)).isEmpty();
    assertThat(engine.onlyTask(south).assignee()).isNull();

    // The same calls on her own tenant's task work (candidate group clerks).
    String northTask = engine.onlyTask(north).id();
    engine.tasks.claim(NORA, northTask, "nora");
    engine.tasks.complete(NORA, northTask, Map.of());
    assertThat(historyIds(NORA)).containsExactlyInAnyOrder(north, shared);
    assertThat(historyIds(SAM)).containsExactlyInAnyOrder(south, shared);
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z3_aMembershipCountsOnTheNextCallAndExplainNamesTheTenant(EngineDatabase database) {
    setUp(database);
    String southTask = engine.onlyTask(south).id();
    DefaultAuthorizationService rules = new DefaultAuthorizationService(engine.executor);
    String why =
        rules.check(OLGA, Permission.READ.name(), ResourceType.TASK.name(), southTask).rule();
    assertThat(why).startsWith("tenant (Z3)").contains("south").contains("olga");

    insert("INSERT INTO bw_tenant_user (tenant_id, user_id) VALUES ('south', 'olga')");
    assertVisible(OLGA, south, shared);
    assertThat(engine.tasks.getTask(OLGA, southTask).id()).isEqualTo(southTask);
    assertThat(
            rules.check(OLGA, Permission.READ.name(), ResourceType.TASK.name(), southTask).rule())
        .startsWith("case security (Z3)");
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z2_twoTenantsWithOneKeyStartTheirOwnLatestVersion(EngineDatabase database) {
    setUp(database);
    deploy("south", "South claim, second");

    for (int round = 0; round < 2; round++) {
      // Round 1 reads the database, round 2 the remembered latest version of each tenant.
      assertThat(definitionOf(startIn("north")))
          .extracting(ProcessDefinition::version, ProcessDefinition::tenantId)
          .containsExactly(1, "north");
      assertThat(definitionOf(startIn("south")))
          .extracting(ProcessDefinition::version, ProcessDefinition::tenantId)
          .containsExactly(2, "south");
      assertThat(
              definitionOf(
                  engine.runtimeService.startProcessInstance(
                      ALICE, StartInstanceRequest.byKey(KEY))))
          .extracting(ProcessDefinition::version, ProcessDefinition::tenantId)
          .containsExactly(1, null);
    }

    // A user may start only in the tenants they belong to; elsewhere the key is "not found".
    TestGrants.insert(
        engine.dataSource,
        Grant.Type.GRANT,
        null,
        "clerks",
        ResourceType.PROCESS_DEFINITION,
        KEY,
        Permission.START_INSTANCE);
    assertThat(
            engine
                .runtimeService
                .startProcessInstance(NORA, StartInstanceRequest.byKeyAndTenant(KEY, "north"))
                .id())
        .isNotNull();
    assertThatThrownBy(
            () ->
                engine.runtimeService.startProcessInstance(
                    NORA, StartInstanceRequest.byKeyAndTenant(KEY, "south")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no process definition with key claim in tenant south");
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z2_aKeyOfSeveralTenantsAndNoneWithoutTenantNeedsTheTenantToStart(EngineDatabase database) {
    engine = new TestEngine(database, RuntimeSettings.defaults(), new GrantChecker());
    TestGrants.allToGroup(engine.dataSource, "accounting");
    members();
    tenant("north", "user", "nora");
    tenant("south", "group", "southies");
    deploy("north", "North claim");
    assertThat(
            definitionOf(
                engine.runtimeService.startProcessInstance(ALICE, StartInstanceRequest.byKey(KEY))))
        .extracting(ProcessDefinition::tenantId)
        .isEqualTo("north");
    deploy("south", "South claim");
    assertThatThrownBy(
            () ->
                engine.runtimeService.startProcessInstance(ALICE, StartInstanceRequest.byKey(KEY)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("several tenants");
  }

  /** The principal lists, counts and reads exactly these instances and their tasks. */
  private void assertVisible(Principal principal, String... instances) {
    Page<TaskView> tasks = engine.tasks.findTasks(principal, TaskQuery.all().page(0, 100));
    assertThat(tasks.items().stream().map(TaskView::processInstanceId))
        .as("tasks of %s", principal.userId())
        .containsExactlyInAnyOrder(instances);
    assertThat(tasks.total()).isEqualTo(instances.length);
    assertThat(engine.tasks.findTasks(principal, TaskQuery.all().page(0, 1)).total())
        .isEqualTo(instances.length);
    assertThat(engine.tasks.countTasks(principal, TaskQuery.all())).isEqualTo(instances.length);
    Page<ProcessInstanceView> running =
        engine.runtimeService.findProcessInstances(
            principal, ProcessInstanceQuery.all().page(0, 100));
    assertThat(running.items().stream().map(ProcessInstanceView::id))
        .as("instances of %s", principal.userId())
        .containsExactlyInAnyOrder(instances);
    assertThat(running.total()).isEqualTo(instances.length);
    assertThat(historyIds(principal)).containsExactlyInAnyOrder(instances);
    assertThat(
            engine
                .history
                .findProcessInstances(principal, HistoricProcessInstanceQuery.all().page(0, 1))
                .total())
        .isEqualTo(instances.length);
    List<String> definitions =
        engine
            .repository
            .findProcessDefinitions(
                principal, io.bulwark.engine.api.ProcessDefinitionQuery.all().page(0, 100))
            .items()
            .stream()
            .map(ProcessDefinition::tenantId)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList();
    if (principal != ALICE) {
      assertThat(definitions)
          .as("tenants of %s's definitions", principal.userId())
          .hasSizeLessThan(2);
    }
    for (String instance : instances) {
      assertThat(engine.history.findProcessInstance(principal, instance)).isPresent();
    }
  }

  private List<String> historyIds(Principal principal) {
    return engine
        .history
        .findProcessInstances(principal, HistoricProcessInstanceQuery.all().page(0, 100))
        .items()
        .stream()
        .map(HistoricProcessInstance::id)
        .toList();
  }

  private ProcessInstance startIn(String tenantId) {
    return engine.runtimeService.startProcessInstance(
        ALICE, StartInstanceRequest.byKeyAndTenant(KEY, tenantId));
  }

  private ProcessDefinition definitionOf(ProcessInstance instance) {
    return engine
        .repository
        .findProcessDefinitions(
            ALICE,
            io.bulwark.engine.api.ProcessDefinitionQuery.all()
                .withId(instance.processDefinitionId())
                .page(0, 1))
        .items()
        .get(0);
  }

  private void deploy(String tenantId, String name) {
    String xml =
        Models.process(
            KEY,
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="check" name="%s" camunda:candidateGroups="clerks"/>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="check"/>
                <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="e"/>
            """
                .formatted(name));
    engine.repository.deploy(
        ALICE,
        new DeploymentRequest(
            KEY, Map.of(KEY + ".bpmn", xml.getBytes(StandardCharsets.UTF_8)), tenantId));
  }

  /** The users and the group the tenants' membership rows refer to. */
  private void members() {
    for (String user : List.of("nora", "sam", "olga")) {
      insert(
          "INSERT INTO bw_user (id, display_name, must_change_password, disabled, created,"
              + " revision) VALUES ('"
              + user
              + "', '"
              + user
              + "', FALSE, FALSE, CURRENT_TIMESTAMP, 1)");
    }
    insert(
        "INSERT INTO bw_group (id, name, created, revision)"
            + " VALUES ('southies', 'southies', CURRENT_TIMESTAMP, 1)");
  }

  private void tenant(String tenantId, String kind, String memberId) {
    insert(
        "INSERT INTO bw_tenant (id, name, created, revision) VALUES ('"
            + tenantId
            + "', '"
            + tenantId
            + "', CURRENT_TIMESTAMP, 1)");
    insert(
        "INSERT INTO bw_tenant_"
            + kind
            + " (tenant_id, "
            + kind
            + "_id) VALUES ('"
            + tenantId
            + "', '"
            + memberId
            + "')");
  }

  private void insert(String sql) {
    try (var connection = engine.dataSource.getConnection();
        var statement = connection.createStatement()) {
      statement.executeUpdate(sql);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
