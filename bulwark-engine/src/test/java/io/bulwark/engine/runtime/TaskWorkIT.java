package io.bulwark.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.HistoryService.HistoricVariable;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskComment;
import io.bulwark.engine.api.TaskIdentityLink;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the integration REST API needs of tasks (issue 14): Camunda 7's delegation, identity links,
 * comments and the task query's filters, under the real grant checker (Z2, Z3).
 */
class TaskWorkIT {

  private static final Principal ADMIN = TestEngine.ALICE;
  private static final Principal ANNA = Principal.user("anna", "clerks");
  private static final Principal DORA = Principal.user("dora");
  private static final Principal NINA = Principal.user("nina");

  @AutoClose private TestEngine engine;

  private String instance;
  private String task;

  private void setUp(EngineDatabase database) {
    engine = new TestEngine(database, RuntimeSettings.defaults(), new GrantChecker());
    TestGrants.allToGroup(engine.dataSource, "accounting");
    engine.deployXml(
        "claims",
        Models.oneTask("claims", "camunda:candidateGroups=\"clerks\" camunda:priority=\"70\""));
    instance =
        engine
            .runtimeService
            .startProcessInstance(
                ADMIN, StartInstanceRequest.byKey("claims").withBusinessKey("order-17"))
            .id();
    task = engine.onlyTask(instance).id();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void delegateAndResolveAsCamundaDoes(EngineDatabase database) {
    setUp(database);
    engine.tasks.claim(ANNA, task, "anna");

    engine.tasks.delegate(ANNA, task, "dora");
    TaskView delegated = engine.tasks.getTask(DORA, task);
    assertThat(delegated.owner()).isEqualTo("anna");
    assertThat(delegated.assignee()).isEqualTo("dora");
    assertThat(delegated.delegationState()).isEqualTo("PENDING");
    assertThatThrownBy(() -> engine.tasks.complete(DORA, task, Map.of()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("resolves it");

    engine.tasks.resolve(DORA, task, Map.of("checked", true));
    TaskView resolved = engine.tasks.getTask(ANNA, task);
    assertThat(resolved.assignee()).isEqualTo("anna");
    assertThat(resolved.owner()).isEqualTo("anna");
    assertThat(resolved.delegationState()).isEqualTo("RESOLVED");
    assertThat(engine.tasks.getVariables(ANNA, task)).containsEntry("checked", true);
    // Dora no longer holds the task: it is hidden from her like a missing one (Z3).
    assertThatThrownBy(() -> engine.tasks.getTask(DORA, task))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.tasks.resolve(ANNA, task, Map.of()))
        .isInstanceOf(ConflictException.class);

    engine.tasks.setAssignee(ANNA, task, "dora");
    assertThat(engine.tasks.getTask(DORA, task).assignee()).isEqualTo("dora");
    engine.tasks.complete(DORA, task, Map.of());
    assertThat(engine.tasksOf(instance)).isEmpty();
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_user_operation_log WHERE entity_id = ?"
                    + " AND operation IN ('Delegate', 'Resolve', 'Assign')",
                task))
        .isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z3_anOutsiderCannotDelegateResolveOrAssign(EngineDatabase database) {
    setUp(database);
    assertThatThrownBy(() -> engine.tasks.delegate(NINA, task, "nina"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.tasks.setAssignee(NINA, task, "nina"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.tasks.resolve(NINA, task, Map.of()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.tasks.delegate(ANNA, task, " "))
        .isInstanceOf(ValidationException.class);
    assertThat(engine.tasks.getTask(ADMIN, task).assignee()).isNull();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z3_identityLinksAddAndRemoveCandidatesForThoseWhoMayAssign(EngineDatabase database) {
    setUp(database);
    assertThat(engine.tasks.getIdentityLinks(ANNA, task))
        .containsExactly(new TaskIdentityLink(null, "clerks", "candidate"));
    assertThatThrownBy(() -> engine.tasks.getIdentityLinks(DORA, task))
        .isInstanceOf(NotFoundException.class);

    TaskIdentityLink dora = new TaskIdentityLink("dora", null, "candidate");
    engine.tasks.addIdentityLink(ANNA, task, dora);
    engine.tasks.addIdentityLink(ANNA, task, dora);
    assertThat(engine.tasks.getIdentityLinks(DORA, task))
        .containsExactly(dora, new TaskIdentityLink(null, "clerks", "candidate"));
    assertThat(
            engine.tasks.findTasks(DORA, TaskQuery.builder().candidateUser("dora").build()).total())
        .isEqualTo(1);
    engine.tasks.claim(DORA, task, "dora");
    assertThat(engine.tasks.getIdentityLinks(DORA, task))
        .startsWith(new TaskIdentityLink("dora", null, "assignee"));
    engine.tasks.unclaim(DORA, task);
    engine.tasks.deleteIdentityLink(ANNA, task, dora);
    assertThatThrownBy(() -> engine.tasks.getTask(DORA, task))
        .isInstanceOf(NotFoundException.class);

    assertThatThrownBy(
            () ->
                engine.tasks.addIdentityLink(
                    ANNA, task, new TaskIdentityLink("dora", "clerks", "candidate")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.rules()).containsExactly("oneof"));
    assertThatThrownBy(
            () ->
                engine.tasks.addIdentityLink(
                    ANNA, task, new TaskIdentityLink("dora", null, "owner")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("type"));
    assertThatThrownBy(() -> engine.tasks.addIdentityLink(NINA, task, dora))
        .isInstanceOf(NotFoundException.class);
    assertThat(engine.count("SELECT COUNT(*) FROM bw_task_identity_link WHERE task_id = ?", task))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void commentsAreBoundedAndReadableOnlyByThoseWhoSeeTheTask(EngineDatabase database) {
    setUp(database);
    TaskComment first = engine.tasks.addComment(ANNA, task, "Checked the invoice.");
    engine.tasks.addComment(ANNA, task, "Second thought.");
    assertThat(first.userId()).isEqualTo("anna");
    assertThat(first.processInstanceId()).isEqualTo(instance);
    assertThat(engine.tasks.getComments(ANNA, task))
        .extracting(TaskComment::message)
        .containsExactly("Checked the invoice.", "Second thought.");
    assertThat(engine.tasks.getComment(ANNA, task, first.id())).isEqualTo(first);

    assertThatThrownBy(() -> engine.tasks.addComment(ANNA, task, "x".repeat(4001)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("message");
              assertThat(e.rules()).containsExactly("maxlength");
            });
    assertThat(engine.tasks.addComment(ANNA, task, "y".repeat(4000)).message()).hasSize(4000);
    assertThatThrownBy(() -> engine.tasks.getComment(ANNA, task, "no-such-comment"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.tasks.getComments(NINA, task))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.tasks.addComment(NINA, task, "hello"))
        .isInstanceOf(NotFoundException.class);
    assertThat(engine.count("SELECT COUNT(*) FROM bw_task_comment WHERE task_id = ?", task))
        .isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w8_queryFiltersSortAndPageAsCamundaClientsAsk(EngineDatabase database) {
    setUp(database);
    String other =
        engine
            .runtimeService
            .startProcessInstance(
                ADMIN, StartInstanceRequest.byKey("claims").withBusinessKey("invoice-3"))
            .id();
    String otherTask = engine.onlyTask(other).id();
    engine.tasks.claim(ADMIN, otherTask, "anna");
    Instant now = Instant.now();

    assertThat(ids(TaskQuery.builder().processInstanceBusinessKey("order-17")))
        .containsExactly(task);
    assertThat(ids(TaskQuery.builder().processInstanceBusinessKeyLike("inv%")))
        .containsExactly(otherTask);
    assertThat(ids(TaskQuery.builder().assigneeLike("an%"))).containsExactly(otherTask);
    assertThat(ids(TaskQuery.builder().unassigned(true))).containsExactly(task);
    assertThat(ids(TaskQuery.builder().assigned(true))).containsExactly(otherTask);
    assertThat(ids(TaskQuery.builder().candidateGroups(Set.of("clerks")))).containsExactly(task);
    assertThat(
            ids(TaskQuery.builder().candidateGroups(Set.of("clerks")).includeAssignedTasks(true)))
        .containsExactlyInAnyOrder(task, otherTask);
    assertThat(ids(TaskQuery.builder().taskDefinitionKey("task").nameLike("Ta%")))
        .containsExactlyInAnyOrder(task, otherTask);
    assertThat(ids(TaskQuery.builder().taskDefinitionKey("task").nameLike("ta%"))).isEmpty();
    assertThat(ids(TaskQuery.builder().taskDefinitionKey("task").nameLikeIgnoreCase("tA%")))
        .containsExactlyInAnyOrder(task, otherTask);
    assertThat(ids(TaskQuery.builder().name("Other"))).isEmpty();
    assertThat(ids(TaskQuery.builder().priority(70).priorityBetween(70, 70))).hasSize(2);
    assertThat(ids(TaskQuery.builder().priorityBetween(71, null))).isEmpty();
    assertThat(
            ids(
                TaskQuery.builder()
                    .created(now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS))))
        .hasSize(2);
    assertThat(ids(TaskQuery.builder().created(now.plus(1, ChronoUnit.HOURS), null))).isEmpty();
    assertThat(ids(TaskQuery.builder().due(null, now))).isEmpty();
    assertThat(ids(TaskQuery.builder().followUp(now, null))).isEmpty();
    assertThat(
            ids(
                TaskQuery.builder()
                    .sorting(
                        List.of(new TaskQuery.Order(TaskQuery.Sort.ASSIGNEE, SortOrder.DESC)))))
        .hasSize(2);
    assertThat(
            engine
                .tasks
                .findTasks(
                    ADMIN,
                    TaskQuery.builder()
                        .sorting(
                            List.of(
                                new TaskQuery.Order(
                                    TaskQuery.Sort.PROCESS_INSTANCE_ID, SortOrder.ASC)))
                        .page(1, 1)
                        .build())
                .items())
        .extracting(TaskView::processInstanceId)
        .containsExactly(List.of(instance, other).stream().sorted().toList().get(1));

    // Hostile values are bound, never spliced, and bounded (E5, W11).
    assertThat(ids(TaskQuery.builder().name("x' OR '1'='1"))).isEmpty();
    assertThatThrownBy(() -> ids(TaskQuery.builder().nameLike("%".repeat(256))))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("nameLike"));
    assertThatThrownBy(() -> ids(TaskQuery.builder().delegationState("PENDING' --")))
        .isInstanceOf(ValidationException.class);
    // Z3: the filters never widen what a user sees.
    assertThat(
            engine
                .tasks
                .findTasks(NINA, TaskQuery.builder().processInstanceBusinessKey("order-17").build())
                .total())
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w10_formVariablesModificationsAndCompletionWithVariablesInReturn(EngineDatabase database) {
    engine = new TestEngine(database, RuntimeSettings.defaults(), new GrantChecker());
    TestGrants.allToGroup(engine.dataSource, "accounting");
    engine.deployXml(
        "forms",
        Models.process(
            "forms",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="review" camunda:candidateGroups="clerks">
                  <bpmn:extensionElements>
                    <camunda:formData>
                      <camunda:formField id="amount" type="long" defaultValue="10"/>
                      <camunda:formField id="note" type="string" defaultValue="${x}"/>
                      <camunda:formField id="fixed" type="string" defaultValue="f">
                        <camunda:validation>
                          <camunda:constraint name="readonly"/>
                        </camunda:validation>
                      </camunda:formField>
                    </camunda:formData>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
                <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="e"/>
            """));
    String id = engine.start("forms", Map.of("note", "given")).id();
    String review = engine.onlyTask(id).id();

    assertThat(engine.tasks.getFormVariables(ANNA, review))
        .containsEntry("amount", 10L)
        .containsEntry("note", "given")
        .containsEntry("fixed", "f");
    engine.tasks.modifyVariables(ANNA, review, Map.of("amount", 12L), Set.of("note"));
    assertThat(engine.tasks.getVariables(ANNA, review))
        .containsEntry("amount", 12L)
        .doesNotContainKey("note");
    assertThat(engine.tasks.getFormVariables(ANNA, review)).doesNotContainKey("note");
    assertThatThrownBy(() -> engine.tasks.modifyVariables(ANNA, review, Map.of(), Set.of("fixed")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.rules()).contains("readonly"));
    assertThatThrownBy(
            () -> engine.tasks.modifyVariables(ANNA, review, Map.of(), Set.of("undeclared")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.rules()).contains("undeclared"));
    assertThatThrownBy(() -> engine.tasks.modifyVariables(DORA, review, Map.of(), Set.of("amount")))
        .isInstanceOf(NotFoundException.class);

    assertThat(engine.tasks.completeWithVariablesInReturn(ANNA, review, Map.of("amount", 13L)))
        .containsEntry("amount", 13L);
    assertThat(engine.tasksOf(id)).isEmpty();
    // History keeps each variable's latest value, also of the removed one.
    assertThat(engine.history.variables(ADMIN, id, 0, 10).items())
        .extracting(HistoricVariable::name, HistoricVariable::value, HistoricVariable::revision)
        .containsExactly(tuple("amount", 13L, 2L), tuple("note", "given", 1L));
    assertThatThrownBy(() -> engine.history.variables(DORA, id, 0, 10))
        .isInstanceOf(NotFoundException.class);
  }

  private List<String> ids(TaskQuery.Builder query) {
    return engine.tasks.findTasks(ADMIN, query.build()).items().stream().map(TaskView::id).toList();
  }
}
