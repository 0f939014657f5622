package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.ProcessInstanceView;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.authz.Grant;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.task.DefaultTaskService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Z1-Z3 with the engine's real checker ({@link GrantChecker}) on H2 and PostgreSQL: deny by
 * default, grants and revokes on the next call, case security, and lists whose counts equal what
 * the user may see.
 */
class AuthorizationIT {

  private static final Principal NINA = Principal.user("nina");
  private static final Principal ANNA = Principal.user("anna", "clerks");
  private static final Principal BERT = Principal.user("bert", "auditors");
  private static final Principal CARL = Principal.user("carl");

  @AutoClose private TestEngine engine;

  private String claim1;
  private String claim2;
  private String audit1;
  private String claimTask1;
  private String claimTask2;
  private String auditTask;

  /** Alice's group administers; two claims (candidate group clerks), one audit (auditors). */
  private void setUp(EngineDatabase database) {
    engine = new TestEngine(database, RuntimeSettings.defaults(), new GrantChecker());
    TestGrants.allToGroup(engine.dataSource, "accounting");
    engine.deployXml("claims", Models.oneTask("claims", "camunda:candidateGroups=\"clerks\""));
    engine.deployXml("audits", Models.oneTask("audits", "camunda:candidateGroups=\"auditors\""));
    claim1 = engine.start("claims", Map.of("amount", 1L)).id();
    claim2 = engine.start("claims", Map.of("amount", 2L)).id();
    audit1 = engine.start("audits", Map.of("secret", "s3")).id();
    claimTask1 = engine.onlyTask(claim1).id();
    claimTask2 = engine.onlyTask(claim2).id();
    auditTask = engine.onlyTask(audit1).id();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z1_aNewUserSeesAndDoesNothing(EngineDatabase database) {
    setUp(database);

    assertThat(tasks(NINA)).isEmpty();
    assertThat(taskCount(NINA)).isZero();
    assertThat(instances(NINA).items()).isEmpty();
    assertThat(instances(NINA).total()).isZero();
    assertThatThrownBy(() -> engine.tasks.getTask(NINA, claimTask1))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.runtimeService.getVariables(NINA, claim1))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                engine.runtimeService.startProcessInstance(
                    NINA, StartInstanceRequest.byKey("claims")))
        .isInstanceOfSatisfying(
            AuthorizationDeniedException.class,
            e ->
                assertThat(e.denied().get(0).rule())
                    .startsWith("default deny (Z1): no rule grants START_INSTANCE")
                    .contains("user nina"));
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution WHERE parent_id IS NULL"))
        .isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z3_aUserCannotReadClaimCompleteListOrCountAnotherUsersTask(EngineDatabase database) {
    setUp(database);

    assertThat(tasks(ANNA)).containsExactlyInAnyOrder(claimTask1, claimTask2);
    assertThat(taskCount(ANNA)).isEqualTo(2);
    assertThat(tasks(BERT)).containsExactly(auditTask);
    assertThat(taskCount(BERT)).isEqualTo(1);
    assertThatThrownBy(() -> engine.tasks.getTask(ANNA, auditTask))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.tasks.claim(ANNA, auditTask, "anna"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.tasks.complete(ANNA, auditTask, Map.of()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.tasks.getVariables(ANNA, auditTask))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.runtimeService.getVariables(ANNA, audit1))
        .isInstanceOf(NotFoundException.class);
    assertThat(engine.count("SELECT COUNT(*) FROM bw_task WHERE assignee IS NOT NULL")).isZero();

    // A candidate may claim and complete; once done, the instance's history stays hers to read.
    engine.tasks.claim(ANNA, claimTask1, "anna");
    assertThat(engine.tasks.getTask(ANNA, claimTask1).assignee()).isEqualTo("anna");
    engine.tasks.complete(ANNA, claimTask1, Map.of());
    assertThat(tasks(ANNA)).containsExactly(claimTask2);
    assertThat(engine.history.findProcessInstance(ANNA, claim1)).isPresent();
    assertThat(engine.history.findProcessInstance(BERT, claim1)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z3_anInstanceIsVisibleToThoseInvolvedAndToDefinitionReaders(EngineDatabase database) {
    setUp(database);

    assertThat(instances(ANNA).items())
        .extracting(ProcessInstanceView::id)
        .containsExactlyInAnyOrder(claim1, claim2);
    assertThat(instances(ANNA).total()).isEqualTo(2);
    assertThat(engine.runtimeService.getVariables(ANNA, claim1)).containsEntry("amount", 1L);
    assertThat(instances(ALICE).total()).isEqualTo(3);

    TestGrants.insert(
        engine.dataSource,
        Grant.Type.GRANT,
        "carl",
        null,
        ResourceType.PROCESS_DEFINITION,
        "audits",
        Permission.READ_INSTANCE,
        Permission.READ_TASK);

    assertThat(instances(CARL).items()).extracting(ProcessInstanceView::id).containsExactly(audit1);
    assertThat(instances(CARL).total()).isEqualTo(1);
    assertThat(engine.runtimeService.getVariables(CARL, audit1)).containsEntry("secret", "s3");
    assertThat(tasks(CARL)).containsExactly(auditTask);
    assertThatThrownBy(() -> engine.tasks.complete(CARL, auditTask, Map.of()))
        .isInstanceOfSatisfying(
            AuthorizationDeniedException.class,
            e -> assertThat(e.denied().get(0).permission()).isEqualTo("TASK_WORK"));
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z2_aGrantCountsAndARevokeStopsOnTheNextCallOnEveryNode(EngineDatabase database) {
    setUp(database);
    // A second node: its own executor and services on the same database, no shared state.
    DefaultTaskService otherNode =
        new DefaultTaskService(
            new CommandExecutor(engine.dataSource, new GrantChecker(), Clock.systemUTC()),
            engine.runtime);
    assertThat(otherNode.findTasks(CARL, TaskQuery.all().page(0, 50)).total()).isZero();

    String grant =
        TestGrants.insert(
            engine.dataSource,
            Grant.Type.GRANT,
            "carl",
            null,
            ResourceType.TASK,
            Requirement.ANY,
            Permission.READ);
    assertThat(tasks(CARL)).containsExactlyInAnyOrder(claimTask1, claimTask2, auditTask);
    assertThat(otherNode.findTasks(CARL, TaskQuery.all().page(0, 50)).total()).isEqualTo(3);
    assertThat(otherNode.countTasks(CARL, TaskQuery.all())).isEqualTo(3);

    TestGrants.insert(
        engine.dataSource,
        Grant.Type.REVOKE,
        "carl",
        null,
        ResourceType.TASK,
        claimTask1,
        Permission.READ);
    assertThat(tasks(CARL)).containsExactlyInAnyOrder(claimTask2, auditTask);
    assertThat(taskCount(CARL)).isEqualTo(2);
    Page<TaskView> second = otherNode.findTasks(CARL, TaskQuery.all().page(1, 1));
    assertThat(second.items()).hasSize(1);
    assertThat(second.total()).isEqualTo(2);
    assertThatThrownBy(() -> otherNode.getTask(CARL, claimTask1))
        .isInstanceOf(NotFoundException.class);

    TestGrants.delete(engine.dataSource, grant);
    assertThat(tasks(CARL)).isEmpty();
    assertThat(otherNode.findTasks(CARL, TaskQuery.all().page(0, 50)).total()).isZero();
    assertThat(otherNode.countTasks(CARL, TaskQuery.all())).isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z2_groupRulesYieldToUserRulesAndRevokesBeatGrants(EngineDatabase database) {
    setUp(database);
    TestGrants.insert(
        engine.dataSource,
        Grant.Type.GLOBAL,
        null,
        null,
        ResourceType.PROCESS_DEFINITION,
        "claims",
        Permission.START_INSTANCE);
    TestGrants.insert(
        engine.dataSource,
        Grant.Type.REVOKE,
        null,
        "auditors",
        ResourceType.PROCESS_DEFINITION,
        Requirement.ANY,
        Permission.START_INSTANCE);

    assertThat(start(CARL, "claims")).isNotNull();
    assertThatThrownBy(() -> start(BERT, "claims"))
        .isInstanceOfSatisfying(
            AuthorizationDeniedException.class,
            e -> assertThat(e.denied().get(0).rule()).startsWith("revoke test-"));

    TestGrants.insert(
        engine.dataSource,
        Grant.Type.GRANT,
        "bert",
        null,
        ResourceType.PROCESS_DEFINITION,
        "claims",
        Permission.START_INSTANCE);
    assertThat(start(BERT, "claims")).isNotNull();
    assertThatThrownBy(() -> start(BERT, "audits"))
        .isInstanceOf(AuthorizationDeniedException.class);
  }

  private String start(Principal principal, String key) {
    return engine
        .runtimeService
        .startProcessInstance(principal, StartInstanceRequest.byKey(key))
        .id();
  }

  private List<String> tasks(Principal principal) {
    return engine.tasks.findTasks(principal, TaskQuery.all().page(0, 50)).items().stream()
        .map(TaskView::id)
        .toList();
  }

  /** The count of the principal's tasks, the same from the page's total and from the count. */
  private long taskCount(Principal principal) {
    long total = engine.tasks.findTasks(principal, TaskQuery.all().page(0, 1)).total();
    assertThat(engine.tasks.countTasks(principal, TaskQuery.all())).isEqualTo(total);
    return total;
  }

  private Page<ProcessInstanceView> instances(Principal principal) {
    return engine.runtimeService.findProcessInstances(
        principal, ProcessInstanceQuery.all().page(0, 50));
  }
}
