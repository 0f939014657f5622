package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.DeploymentResult;
import io.bulwark.engine.api.MessageCorrelation;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.command.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Concurrency, atomicity, deployment, tasks and messages of the engine core. */
class EngineCoreIT {

  private TestEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private ProcessInstance start(String key, Map<String, Object> variables) {
    return engine.runtimeService.startProcessInstance(
        ALICE, StartInstanceRequest.byKey(key).withVariables(variables));
  }

  private static List<Throwable> concurrently(Runnable first, Runnable second) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CyclicBarrier barrier = new CyclicBarrier(2);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable job : List.of(first, second)) {
        futures.add(
            pool.submit(
                () -> {
                  barrier.await(10, TimeUnit.SECONDS);
                  job.run();
                  return null;
                }));
      }
      List<Throwable> failures = new ArrayList<>();
      for (Future<?> future : futures) {
        try {
          future.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      return failures;
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void parallelJoinUnderTwoThreadsContinuesExactlyOnce(TestDatabase database) throws Exception {
    engine = new TestEngine(database);
    engine.deployXml("parallel", Models.parallel("parallel"));
    for (int round = 0; round < 5; round++) {
      ProcessInstance instance = start("parallel", Map.of());
      List<TaskView> branches = engine.tasksOf(instance.id());
      assertThat(branches).hasSize(2);
      List<Throwable> failures =
          concurrently(
              () -> engine.tasks.complete(ALICE, branches.get(0).id(), Map.of()),
              () -> engine.tasks.complete(ALICE, branches.get(1).id(), Map.of()));
      assertThat(failures).isEmpty();
      assertThat(engine.tasksOf(instance.id()))
          .extracting(TaskView::taskDefinitionKey)
          .containsExactly("after");
      assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
          .containsExactly("after");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void concurrentCompletionOfOneTaskGivesOneSuccessAndOneConflict(TestDatabase database)
      throws Exception {
    engine = new TestEngine(database);
    engine.deployXml("one", Models.oneTask("one", ""));
    for (int round = 0; round < 3; round++) {
      ProcessInstance instance = start("one", Map.of());
      String taskId = engine.onlyTask(instance.id()).id();
      List<Throwable> failures =
          concurrently(
              () -> engine.tasks.complete(ALICE, taskId, Map.of("by", "first")),
              () -> engine.tasks.complete(ALICE, taskId, Map.of("by", "second")));
      assertThat(failures).hasSize(1);
      assertThat(failures.get(0)).isInstanceOf(ConflictException.class);
      assertThat(
              engine.count(
                  "SELECT COUNT(*) FROM bw_hi_task WHERE id = ? AND ended_at IS NOT NULL", taskId))
          .isEqualTo(1);
      assertThat(engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state())
          .isEqualTo("COMPLETED");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void failureInsideCommandLeavesNothingWritten(TestDatabase database) {
    engine = new TestEngine(database);
    engine.deployXml("broken", Models.oneTask("broken", "camunda:assignee=\"${owner.name}\""));
    assertThatThrownBy(() -> start("broken", Map.of("x", 1)))
        .isInstanceOf(ProcessExecutionException.class)
        .hasMessageContaining("task");
    for (String table :
        List.of(
            "bw_execution",
            "bw_task",
            "bw_variable",
            "bw_hi_process_instance",
            "bw_hi_activity_instance",
            "bw_hi_variable_update")) {
      assertThat(engine.count("SELECT COUNT(*) FROM " + table)).as(table).isZero();
    }
    assertThat(engine.count("SELECT COUNT(*) FROM bw_user_operation_log WHERE operation = 'Start'"))
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void uncaughtBpmnErrorFailsTheCommandAndKeepsTheWaitState(TestDatabase database) {
    engine = new TestEngine(database);
    engine.deploy("order-fulfilment.bpmn");
    ProcessInstance order = start("order_fulfilment", Map.of());
    assertThatThrownBy(() -> engine.failExternal(order.id(), "reserve_stock", "NO_STOCK"))
        .isInstanceOf(UnhandledBpmnErrorException.class)
        .hasMessageContaining("NO_STOCK");
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, order.id()))
        .containsExactly("charge_card", "reserve_stock");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void deploymentSkipsUnchangedResourcesAndVersionsChangedOnes(TestDatabase database) {
    engine = new TestEngine(database);
    DeploymentResult first = engine.deployXml("dedupe", Models.oneTask("dedupe", ""));
    DeploymentResult again = engine.deployXml("dedupe", Models.oneTask("dedupe", ""));
    assertThat(again.duplicate()).isTrue();
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.processDefinitions()).isEqualTo(first.processDefinitions());
    DeploymentResult changed =
        engine.deployXml("dedupe", Models.oneTask("dedupe", "camunda:assignee=\"bob\""));
    assertThat(changed.duplicate()).isFalse();
    assertThat(changed.processDefinitions().get(0).version()).isEqualTo(2);
    assertThat(engine.count("SELECT COUNT(*) FROM bw_deployment")).isEqualTo(2);
    ProcessInstance instance = start("dedupe", Map.of());
    assertThat(instance.processDefinitionId()).isEqualTo(changed.processDefinitions().get(0).id());
    assertThat(engine.onlyTask(instance.id()).assignee()).isEqualTo("bob");
    ProcessInstance old =
        engine.runtimeService.startProcessInstance(
            ALICE, StartInstanceRequest.byId(first.processDefinitions().get(0).id()));
    assertThat(engine.onlyTask(old.id()).assignee()).isNull();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void claimUnclaimAndQueries(TestDatabase database) {
    engine = new TestEngine(database);
    engine.deployXml(
        "claims",
        Models.oneTask(
            "claims", "camunda:candidateGroups=\"sales\" camunda:candidateUsers=\"erin\""));
    for (int i = 0; i < 3; i++) {
      start("claims", Map.of());
    }
    TaskQuery forSales = TaskQuery.all().candidateFor(null, Set.of("sales"));
    assertThat(engine.tasks.findTasks(ALICE, forSales).total()).isEqualTo(3);
    assertThat(engine.tasks.findTasks(ALICE, forSales.page(0, 2)).items()).hasSize(2);
    assertThat(engine.tasks.findTasks(ALICE, TaskQuery.all().candidateFor("erin", null)).total())
        .isEqualTo(3);
    assertThat(
            engine.tasks.findTasks(ALICE, TaskQuery.all().candidateFor("zed", Set.of("x"))).total())
        .isZero();
    String taskId = engine.tasks.findTasks(ALICE, forSales).items().get(0).id();
    engine.tasks.claim(ALICE, taskId, "bob");
    assertThatThrownBy(() -> engine.tasks.claim(ALICE, taskId, "carol"))
        .isInstanceOf(ConflictException.class);
    assertThat(engine.tasks.findTasks(ALICE, TaskQuery.all().assignedTo("bob")).items())
        .extracting(TaskView::id)
        .containsExactly(taskId);
    assertThat(engine.tasks.findTasks(ALICE, forSales).total()).isEqualTo(2);
    engine.tasks.unclaim(ALICE, taskId);
    engine.tasks.claim(ALICE, taskId, "carol");
    assertThat(engine.tasks.getTask(ALICE, taskId).assignee()).isEqualTo("carol");
    engine.tasks.setVariables(ALICE, taskId, Map.of("note", "checked"));
    assertThat(engine.tasks.getVariables(ALICE, taskId)).containsEntry("note", "checked");
    assertThatThrownBy(() -> engine.tasks.findTasks(ALICE, TaskQuery.all().page(0, 5000)))
        .isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void messageCorrelationByBusinessKeyAndCorrelationKeys(TestDatabase database) {
    engine = new TestEngine(database);
    engine.deploy("identity-verification-child.bpmn");
    List<String> ids = new ArrayList<>();
    for (String customer : List.of("1", "2")) {
      ProcessInstance instance =
          engine.runtimeService.startProcessInstance(
              ALICE,
              StartInstanceRequest.byKey("identity_verification")
                  .withBusinessKey("k" + customer)
                  .withVariables(Map.of("customerId", customer)));
      engine.completeExternal(instance.id(), "request_documents", Map.of());
      ids.add(instance.id());
    }
    assertThatThrownBy(
            () ->
                engine.runtimeService.correlateMessage(
                    ALICE, MessageCorrelation.named("documents-uploaded")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("2 waiting");
    var byKeys =
        engine.runtimeService.correlateMessage(
            ALICE,
            MessageCorrelation.named("documents-uploaded")
                .withCorrelationKeys(Map.of("customerId", "2")));
    assertThat(byKeys.processInstanceId()).isEqualTo(ids.get(1));
    var byBusinessKey =
        engine.runtimeService.correlateMessage(
            ALICE, MessageCorrelation.named("documents-uploaded").withBusinessKey("k1"));
    assertThat(byBusinessKey.processInstanceId()).isEqualTo(ids.get(0));
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();
    assertThatThrownBy(
            () ->
                engine.runtimeService.correlateMessage(
                    ALICE, MessageCorrelation.named("documents-uploaded")))
        .isInstanceOf(io.bulwark.engine.api.NotFoundException.class);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void deleteCancelsInstanceAndCalledInstance(TestDatabase database) {
    engine = new TestEngine(database);
    engine.deploy("identity-verification-child.bpmn");
    engine.deploy("onboarding-parent.bpmn");
    String parent =
        engine
            .runtimeService
            .correlateMessage(ALICE, MessageCorrelation.named("customer-signup"))
            .processInstanceId();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_external_task")).isEqualTo(1);
    engine.runtimeService.deleteProcessInstance(ALICE, parent, "customer withdrew");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_external_task")).isZero();
    assertThat(engine.history.findProcessInstance(ALICE, parent).orElseThrow().deleteReason())
        .isEqualTo("customer withdrew");
  }
}
