package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.MessageCorrelation;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.authz.AuthorizationChecker;
import io.bulwark.engine.authz.Decision;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.authz.Subject;
import io.bulwark.engine.command.EngineDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command executor asks the checker once per command, with the requirement the command
 * declares, and a denial aborts the command before anything is written (Z2).
 */
class CommandAuthorizationIT {

  private static final String MESSAGE_MODEL =
      Models.process(
          "waits",
          """
              <bpmn:startEvent id="s"/>
              <bpmn:intermediateCatchEvent id="wait">
                <bpmn:messageEventDefinition messageRef="m"/>
              </bpmn:intermediateCatchEvent>
              <bpmn:endEvent id="e"/>
              <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/>
              <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e"/>
          """,
          "<bpmn:message id=\"m\" name=\"go\"/>");

  @AutoClose private TestEngine engine;

  private final RecordingChecker checker = new RecordingChecker();

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void executorAsksTheCheckerOnceWithEachCommandsDeclaredRequirement(EngineDatabase database) {
    engine = new TestEngine(database, RuntimeSettings.defaults(), checker);
    engine.deployXml("one", Models.oneTask("one", ""));
    String instanceId = engine.start("one", Map.of()).id();
    String taskId =
        engine.single("SELECT id FROM bw_task WHERE process_instance_id = ?", instanceId);

    checker.asked.clear();
    engine.start("one", Map.of());
    assertThat(checker.asked)
        .containsExactly(
            Requirement.of(ResourceType.PROCESS_DEFINITION, Permission.START_INSTANCE, "one"));

    checker.asked.clear();
    engine.tasks.getTask(ALICE, taskId);
    assertThat(checker.asked)
        .containsExactly(Requirement.of(ResourceType.TASK, Permission.READ, taskId));

    checker.asked.clear();
    engine.tasks.complete(ALICE, taskId, Map.of("approved", true));
    assertThat(checker.asked)
        .containsExactly(Requirement.of(ResourceType.TASK, Permission.TASK_WORK, taskId));
    assertThat(engine.count("SELECT COUNT(*) FROM bw_task WHERE id = ?", taskId)).isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void deniedCompletionWritesNothing(EngineDatabase database) {
    engine = new TestEngine(database, RuntimeSettings.defaults(), checker);
    engine.deployXml("one", Models.oneTask("one", ""));
    String instanceId = engine.start("one", Map.of()).id();
    String taskId =
        engine.single("SELECT id FROM bw_task WHERE process_instance_id = ?", instanceId);
    long variables = engine.count("SELECT COUNT(*) FROM bw_variable");
    long operations = engine.count("SELECT COUNT(*) FROM bw_user_operation_log");
    checker.deny = check -> check.permission() == Permission.TASK_WORK;
    checker.asked.clear();

    assertThatThrownBy(() -> engine.tasks.complete(ALICE, taskId, Map.of("approved", true)))
        .isInstanceOfSatisfying(
            AuthorizationDeniedException.class,
            denied -> {
              assertThat(denied.userId()).isEqualTo("alice");
              assertThat(denied.denied())
                  .singleElement()
                  .satisfies(
                      d -> {
                        assertThat(d.resourceType()).isEqualTo("TASK");
                        assertThat(d.permission()).isEqualTo("TASK_WORK");
                        assertThat(d.resourceId()).isEqualTo(taskId);
                        assertThat(d.rule()).isEqualTo("test denies");
                      });
            })
        .hasMessage("user alice lacks TASK_WORK on TASK " + taskId);

    // After the denial the executor asks READ too: a task the user cannot even read is answered
    // "not found" instead (Z3); this one is readable, so the denial stands.
    assertThat(checker.asked)
        .containsExactly(
            Requirement.of(ResourceType.TASK, Permission.TASK_WORK, taskId),
            Requirement.of(ResourceType.TASK, Permission.READ, taskId));
    assertThat(engine.count("SELECT COUNT(*) FROM bw_task WHERE id = ?", taskId)).isOne();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_variable")).isEqualTo(variables);
    assertThat(engine.count("SELECT COUNT(*) FROM bw_user_operation_log")).isEqualTo(operations);
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void correlationChecksTheAnyOfThenTheTargetItFound(EngineDatabase database) {
    engine = new TestEngine(database, RuntimeSettings.defaults(), checker);
    engine.deployXml("waits", MESSAGE_MODEL);
    ProcessInstance instance = engine.start("waits", Map.of());
    // Starting by message on every definition is granted; updating this instance is not.
    checker.deny =
        check ->
            check.resourceType() == ResourceType.PROCESS_INSTANCE
                && check.permission() == Permission.UPDATE;
    checker.asked.clear();

    assertThatThrownBy(
            () ->
                engine.runtimeService.correlateMessage(
                    ALICE, MessageCorrelation.named("go").withVariables(Map.of("x", 1))))
        .isInstanceOf(AuthorizationDeniedException.class)
        .hasMessage("user alice lacks UPDATE on PROCESS_INSTANCE " + instance.id());

    assertThat(checker.asked)
        .containsExactly(
            Requirement.onAny(ResourceType.PROCESS_INSTANCE, Permission.UPDATE),
            Requirement.onAny(ResourceType.PROCESS_DEFINITION, Permission.START_INSTANCE),
            Requirement.of(ResourceType.PROCESS_INSTANCE, Permission.UPDATE, instance.id()),
            Requirement.of(ResourceType.PROCESS_INSTANCE, Permission.READ, instance.id()));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("wait");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_variable WHERE name = 'x'")).isZero();

    checker.deny = check -> false;
    engine.runtimeService.correlateMessage(ALICE, MessageCorrelation.named("go"));
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();
  }

  @ParameterizedTest
  @EnumSource(value = EngineDatabase.class, names = "H2")
  void anyOfDeniedNamesEveryAlternative(EngineDatabase database) {
    engine = new TestEngine(database, RuntimeSettings.defaults(), checker);
    engine.deployXml("waits", MESSAGE_MODEL);
    engine.start("waits", Map.of());
    checker.deny = check -> true;

    assertThatThrownBy(
            () -> engine.runtimeService.correlateMessage(ALICE, MessageCorrelation.named("go")))
        .isInstanceOf(AuthorizationDeniedException.class)
        .hasMessage(
            "user alice lacks UPDATE on PROCESS_INSTANCE * and START_INSTANCE on"
                + " PROCESS_DEFINITION *");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isPositive();
  }

  /** Records every check; denies those {@link #deny} matches, grants the rest. */
  private static final class RecordingChecker implements AuthorizationChecker {
    final List<Requirement.PermissionCheck> asked = new CopyOnWriteArrayList<>();
    volatile Predicate<Requirement.PermissionCheck> deny = check -> false;

    @Override
    public Decision decide(
        java.sql.Connection connection, Subject subject, Requirement.PermissionCheck check) {
      asked.add(check);
      return deny.test(check) ? Decision.denied("test denies") : Decision.granted("test grants");
    }

    @Override
    public SqlFilter tenantFilter(
        java.sql.Connection connection, Subject subject, ListTarget.TenantOf tenant) {
      return SqlFilter.unrestricted("test grants");
    }

    @Override
    public SqlFilter listFilter(
        java.sql.Connection connection, Subject subject, ListTarget target, Permission permission) {
      return SqlFilter.unrestricted("test grants");
    }
  }
}
