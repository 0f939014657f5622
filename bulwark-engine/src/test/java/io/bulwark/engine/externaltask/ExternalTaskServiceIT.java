package io.bulwark.engine.externaltask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.TopicRequest;
import io.bulwark.engine.authz.GrantEverythingTestChecker;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.variable.SensitiveFields;
import io.bulwark.engine.variable.TypedValue;
import io.bulwark.engine.variable.VariableRepository;
import io.bulwark.engine.variable.VariableScope;
import io.bulwark.engine.variable.VariableSettings;
import io.bulwark.engine.variable.VariableValues;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** External tasks with Camunda 7 semantics on H2 (both modes) and PostgreSQL. */
class ExternalTaskServiceIT {

  private static final Principal WORKER = new Principal("worker-app", Set.of());

  @AutoClose private HikariDataSource dataSource;
  private CommandExecutor commands;
  private final RecordingHandler handler = new RecordingHandler();
  private EngineExternalTaskService service;

  /** Records what the execution core would be asked to do. */
  static final class RecordingHandler implements ExternalTaskCompletionHandler {
    final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();
    final Map<String, String> errors = new ConcurrentHashMap<>();

    @Override
    public void complete(
        CommandContext context,
        ExternalTaskRow task,
        Map<String, TypedValue> variables,
        Map<String, TypedValue> localVariables) {
      completed.computeIfAbsent(task.id(), id -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void failed(
        CommandContext context,
        ExternalTaskRow task,
        Map<String, TypedValue> variables,
        Map<String, TypedValue> localVariables) {
      // The service's failure tests send no variables.
    }

    @Override
    public void bpmnError(
        CommandContext context,
        ExternalTaskRow task,
        String errorCode,
        String errorMessage,
        Map<String, TypedValue> variables) {
      errors.put(task.id(), errorCode + "|" + task.activityId() + "|" + variables.keySet());
    }
  }

  /** Creates tasks (and variables) as the execution core will. */
  record CreateTasksCommand(int count, Map<String, Object> variables)
      implements Command<List<String>> {
    @Override
    public Requirement requirement() {
      return Requirement.none("test: creates tasks like the execution core");
    }

    @Override
    public List<String> execute(CommandContext context) throws SQLException {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(
            ExternalTasks.create(
                context,
                new NewExternalTask(
                    "invoice",
                    "exec-" + i,
                    "pi-" + i,
                    "def-1",
                    "billing",
                    "charge",
                    "bk-" + i,
                    0,
                    null)));
        if (!variables.isEmpty()) {
          new VariableRepository(
                  new VariableValues(VariableSettings.defaults()), SensitiveFields.none())
              .setAll(
                  context, VariableScope.execution("exec-" + i, "pi-" + i), variables, Set.of());
        }
      }
      return ids;
    }
  }

  private List<String> start(EngineDatabase database, int tasks) {
    dataSource = database.create();
    commands = new CommandExecutor(dataSource, new GrantEverythingTestChecker(), Clock.systemUTC());
    service =
        new EngineExternalTaskService(
            commands,
            handler,
            ExternalTaskSettings.defaults(),
            new VariableValues(VariableSettings.defaults()));
    return commands.execute(
        Actor.user("engine"), new CreateTasksCommand(tasks, Map.of("amount", 42L, "note", "x")));
  }

  private List<LockedExternalTask> fetch(String worker, int max, long lockMillis) {
    return service.fetchAndLock(
        WORKER,
        new FetchRequest(
            worker, max, List.of(new TopicRequest("invoice", lockMillis, null, null)), false));
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void fourConcurrentWorkersLockAndCompleteEachTaskExactlyOnce(EngineDatabase database)
      throws Exception {
    dataSource = database.create();
    commands = new CommandExecutor(dataSource, new GrantEverythingTestChecker(), Clock.systemUTC());
    service =
        new EngineExternalTaskService(
            commands,
            handler,
            ExternalTaskSettings.defaults(),
            new VariableValues(VariableSettings.defaults()));
    commands.execute(Actor.user("engine"), new CreateTasksCommand(1000, Map.of()));
    Map<String, String> lockedBy = new ConcurrentHashMap<>();
    AtomicInteger doubleLocks = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      String worker = "worker-" + w;
      workers.add(
          pool.submit(
              () -> {
                List<LockedExternalTask> batch;
                while (!(batch = fetch(worker, 25, 60_000)).isEmpty()) {
                  for (LockedExternalTask task : batch) {
                    if (lockedBy.putIfAbsent(task.id(), worker) != null) {
                      doubleLocks.incrementAndGet();
                    }
                    service.complete(WORKER, task.id(), worker, Map.of(), Map.of());
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(doubleLocks).hasValue(0);
    assertThat(lockedBy).hasSize(1000);
    assertThat(handler.completed).hasSize(1000);
    assertThat(handler.completed.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    assertThat(count("SELECT COUNT(*) FROM bw_external_task")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void fetchReturnsOnlyRequestedVariablesAndLockDetails(EngineDatabase database) {
    start(database, 1);
    LockedExternalTask task =
        service
            .fetchAndLock(
                WORKER,
                new FetchRequest(
                    "w1",
                    5,
                    List.of(new TopicRequest("invoice", 10_000, List.of("amount"), "bk-0")),
                    true))
            .get(0);

    assertThat(task.variables()).containsOnlyKeys("amount");
    assertThat(task.variables().get("amount")).isEqualTo(42L);
    assertThat(task.workerId()).isEqualTo("w1");
    assertThat(task.businessKey()).isEqualTo("bk-0");
    assertThat(task.processDefinitionKey()).isEqualTo("billing");
    assertThat(fetch("w2", 5, 10_000)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void completeByAnotherWorkerIsRefused(EngineDatabase database) {
    String id = start(database, 1).get(0);
    fetch("w1", 1, 60_000);

    assertThatThrownBy(() -> service.complete(WORKER, id, "w2", Map.of(), Map.of()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("not locked by worker 'w2'");
    assertThat(handler.completed).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void expiredLockLetsAnotherWorkerFetchAndOldWorkerLoses(EngineDatabase database)
      throws Exception {
    String id = start(database, 1).get(0);
    fetch("w1", 1, 1);
    Thread.sleep(50);

    assertThat(fetch("w2", 1, 60_000)).extracting(LockedExternalTask::id).containsExactly(id);
    assertThatThrownBy(() -> service.complete(WORKER, id, "w1", Map.of(), Map.of()))
        .isInstanceOf(ConflictException.class);
    service.complete(WORKER, id, "w2", Map.of(), Map.of());
    assertThat(handler.completed).containsOnlyKeys(id);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void failureWithRetriesRefetchesAndZeroRetriesRaisesIncident(EngineDatabase database)
      throws Exception {
    String id = start(database, 1).get(0);
    fetch("w1", 1, 60_000);
    service.handleFailure(WORKER, id, "w1", "timeout\ncalling bank", "details", 1, 0);
    Thread.sleep(5);

    LockedExternalTask again = fetch("w1", 1, 60_000).get(0);
    assertThat(again.retries()).isEqualTo(1);
    assertThat(again.errorMessage()).isEqualTo("timeout calling bank");
    service.handleFailure(WORKER, id, "w1", "still down", null, 0, 0);
    Thread.sleep(5);

    assertThat(fetch("w1", 1, 60_000)).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM bw_incident WHERE external_task_id = '" + id + "'"))
        .isEqualTo(1);
    service.setRetries(WORKER, id, 2);
    assertThat(count("SELECT COUNT(*) FROM bw_incident")).isZero();
    assertThat(fetch("w1", 1, 60_000)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void bpmnErrorReachesTheExecutionCore(EngineDatabase database) throws Exception {
    String id = start(database, 1).get(0);
    fetch("w1", 1, 60_000);

    service.handleBpmnError(WORKER, id, "w1", "CARD_DECLINED", "declined", Map.of("reason", "x"));

    assertThat(handler.errors).containsEntry(id, "CARD_DECLINED|charge|[reason]");
    assertThat(count("SELECT COUNT(*) FROM bw_external_task")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void extendLockKeepsTaskAndUnlockReleasesIt(EngineDatabase database) throws Exception {
    String id = start(database, 1).get(0);
    fetch("w1", 1, 200);
    service.extendLock(WORKER, id, "w1", 60_000);
    Thread.sleep(300);

    assertThat(fetch("w2", 1, 60_000)).isEmpty();
    assertThatThrownBy(() -> service.extendLock(WORKER, id, "w2", 60_000))
        .isInstanceOf(ConflictException.class);
    service.unlock(WORKER, id);
    assertThat(fetch("w2", 1, 60_000)).extracting(LockedExternalTask::id).containsExactly(id);
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        ResultSet rs = connection.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
