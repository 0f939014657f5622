package io.bulwark.bench.bulwark;

import io.bulwark.bench.api.BenchEngine;
import io.bulwark.bench.api.BenchProcess;
import io.bulwark.bench.api.GatewayVariables;
import io.bulwark.bench.api.SensitiveVariables;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.HistoryService.HistoricProcessInstance;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.api.TopicRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.ObjectMapper;

/**
 * Bulwark through its public services ({@code io.bulwark.engine.api}), with authorization enforced
 * as always: W1, W2 and W4 run as a trusted application (the benchmark is the embedding application
 * doing its own work); W3 queries as each user, whose tasks the engine's case security finds
 * through their candidate groups (no grant rows), filtered in SQL. W1S and W2S store the sensitive
 * variable its factory marked.
 */
final class BulwarkBenchEngine implements BenchEngine, SensitiveVariables {

  private static final long LOCK_MS = 60_000;
  private static final String W3_KEY = "w3-open-task";
  private static final int SETUP_THREADS = 2;

  /** How many of the latest instances {@link #runningInstances} looks up in the history. */
  private static final int CHECKED_INSTANCES = 50;

  private final BulwarkEngine engine;
  private final Principal app;
  private final Map<String, String> settings;
  private final Optional<Path> keyDir;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<BenchProcess, ConcurrentLinkedDeque<String>> started =
      new EnumMap<>(BenchProcess.class);

  /**
   * @param keyDir a temporary key store's directory, deleted on {@link #close}
   */
  BulwarkBenchEngine(BulwarkEngine engine, Map<String, String> settings, Optional<Path> keyDir) {
    this.engine = engine;
    this.keyDir = keyDir;
    this.app = engine.trustedApplication("bulwark-bench");
    this.settings = Map.copyOf(settings);
    for (BenchProcess process : BenchProcess.values()) {
      started.put(process, new ConcurrentLinkedDeque<>());
    }
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("version", String.valueOf(BulwarkEngine.class.getPackage().getImplementationVersion()));
    all.putAll(settings);
    all.put(
        "authorization",
        "enforced; W1/W2/W4 as a trusted application, W3 as users (case security in SQL)");
    all.put("jsonVariable", "json (Jackson tree)");
    return all;
  }

  @Override
  public void deploy(BenchProcess process) {
    engine
        .repositoryService()
        .deploy(
            app,
            DeploymentRequest.of(
                process.key(), process.key() + ".bpmn", BulwarkModels.of(process)));
  }

  @Override
  public void start(BenchProcess process) {
    remember(
        process,
        engine
            .runtimeService()
            .startProcessInstance(app, StartInstanceRequest.byKey(process.key())));
  }

  @Override
  public void start(BenchProcess process, GatewayVariables variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(NAME, variables.label());
    values.put("amount", variables.amount());
    values.put("payload", json.readTree(variables.json()));
    StartInstanceRequest request = StartInstanceRequest.byKey(process.key()).withVariables(values);
    remember(process, engine.runtimeService().startProcessInstance(app, request));
  }

  @Override
  public void start(BenchProcess process, String value) {
    StartInstanceRequest request =
        StartInstanceRequest.byKey(process.key()).withVariables(Map.of(NAME, value));
    remember(process, engine.runtimeService().startProcessInstance(app, request));
  }

  private void remember(BenchProcess process, ProcessInstance instance) {
    ConcurrentLinkedDeque<String> ids =
        started.computeIfAbsent(process, p -> new ConcurrentLinkedDeque<>());
    ids.addLast(instance.id());
    while (ids.size() > CHECKED_INSTANCES) {
      ids.pollFirst();
    }
  }

  @Override
  public List<String> openTaskIds(int max) {
    return engine.taskService().findTasks(app, TaskQuery.all().page(0, max)).items().stream()
        .map(TaskView::id)
        .toList();
  }

  @Override
  public void completeTask(String taskId) {
    engine.taskService().complete(app, taskId, Map.of());
  }

  /**
   * Nothing to store: a Bulwark principal carries the user's groups (the identity provider's
   * answer, as Camunda's {@code setAuthentication} does), and no rule names users or groups.
   */
  @Override
  public void createIdentities(List<String> groups, Map<String, List<String>> groupsByUser) {
    // Intentionally empty, see above.
  }

  /**
   * Starts {@code count} instances of a one-task process whose candidate group comes from a
   * variable: case security lets that group's members see the task, with no grant rows.
   */
  @Override
  public void createOpenTasks(int count, List<String> groups) {
    engine
        .repositoryService()
        .deploy(
            app, DeploymentRequest.of(W3_KEY, W3_KEY + ".bpmn", BulwarkModels.openTask(W3_KEY)));
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < SETUP_THREADS; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  engine
                      .runtimeService()
                      .startProcessInstance(
                          app,
                          StartInstanceRequest.byKey(W3_KEY)
                              .withVariables(Map.of("group", groups.get(i % groups.size()))));
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while creating W3 tasks", e);
      }
    }
  }

  @Override
  public List<String> firstPage(String user, List<String> groups, int pageSize) {
    return engine
        .taskService()
        .findTasks(new Principal(user, Set.copyOf(groups)), TaskQuery.all().page(0, pageSize))
        .items()
        .stream()
        .map(TaskView::id)
        .toList();
  }

  @Override
  public long count(String user, List<String> groups) {
    return engine
        .taskService()
        .countTasks(new Principal(user, Set.copyOf(groups)), TaskQuery.all());
  }

  @Override
  public int fetchAndComplete(String workerId, int max) {
    TopicRequest topic = new TopicRequest(BenchProcess.TOPIC, LOCK_MS, List.of(), null);
    List<LockedExternalTask> locked =
        engine
            .externalTaskService()
            .fetchAndLock(app, new FetchRequest(workerId, max, List.of(topic), false));
    for (LockedExternalTask task : locked) {
      engine.externalTaskService().complete(app, task.id(), workerId, Map.of(), Map.of());
    }
    return locked.size();
  }

  /**
   * Bulwark continues an instance in the transaction that completes its task, so none should still
   * run: this looks the latest {@value #CHECKED_INSTANCES} started instances of the process up in
   * the history (the API has no instance count) and counts those not ended.
   */
  @Override
  public long runningInstances(BenchProcess process) {
    List<String> ids = new ArrayList<>(started.get(process));
    long running = 0;
    for (String id : ids) {
      Optional<HistoricProcessInstance> instance =
          engine.historyService().findProcessInstance(app, id);
      if (instance.isEmpty() || instance.get().endedAt() == null) {
        running++;
      }
    }
    return running;
  }

  @Override
  public void close() {
    engine.close();
    if (keyDir.isPresent()) {
      try (var paths = Files.walk(keyDir.get())) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
