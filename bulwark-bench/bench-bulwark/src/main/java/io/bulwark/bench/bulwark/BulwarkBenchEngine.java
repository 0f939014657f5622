package io.bulwark.bench.bulwark;

import io.bulwark.bench.api.BenchEngine;
import io.bulwark.bench.api.BenchProcess;
import io.bulwark.bench.api.GatewayVariables;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import tools.jackson.databind.ObjectMapper;

/**
 * Bulwark through its public services ({@code io.bulwark.engine.api}), every call as the
 * benchmark's principal. W3 throws: the driver does not run it until the authorization layer
 * exists.
 */
final class BulwarkBenchEngine implements BenchEngine {

  private static final Principal BENCH =
      new Principal("bench", Set.of(BenchProcess.CANDIDATE_GROUP));
  private static final long LOCK_MS = 60_000;
  private static final String W3_LATER = "W3 waits for Bulwark's authorization layer";

  /** How many of the latest instances {@link #runningInstances} looks up in the history. */
  private static final int CHECKED_INSTANCES = 50;

  private final BulwarkEngine engine;
  private final Map<String, String> settings;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<BenchProcess, ConcurrentLinkedDeque<String>> started =
      new EnumMap<>(BenchProcess.class);

  BulwarkBenchEngine(BulwarkEngine engine, Map<String, String> settings) {
    this.engine = engine;
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
    all.put("authorization", "not enforced yet (W3 n/a)");
    all.put("jsonVariable", "json (Jackson tree)");
    return all;
  }

  @Override
  public void deploy(BenchProcess process) {
    engine
        .repositoryService()
        .deploy(
            BENCH,
            DeploymentRequest.of(
                process.key(), process.key() + ".bpmn", BulwarkModels.of(process)));
  }

  @Override
  public void start(BenchProcess process) {
    remember(
        process,
        engine
            .runtimeService()
            .startProcessInstance(BENCH, StartInstanceRequest.byKey(process.key())));
  }

  @Override
  public void start(BenchProcess process, GatewayVariables variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("label", variables.label());
    values.put("amount", variables.amount());
    values.put("payload", json.readTree(variables.json()));
    StartInstanceRequest request = StartInstanceRequest.byKey(process.key()).withVariables(values);
    remember(process, engine.runtimeService().startProcessInstance(BENCH, request));
  }

  private void remember(BenchProcess process, ProcessInstance instance) {
    ConcurrentLinkedDeque<String> ids = started.get(process);
    ids.addLast(instance.id());
    while (ids.size() > CHECKED_INSTANCES) {
      ids.pollFirst();
    }
  }

  @Override
  public List<String> openTaskIds(int max) {
    return engine.taskService().findTasks(BENCH, TaskQuery.all().page(0, max)).items().stream()
        .map(TaskView::id)
        .toList();
  }

  @Override
  public void completeTask(String taskId) {
    engine.taskService().complete(BENCH, taskId, Map.of());
  }

  @Override
  public void createIdentities(List<String> groups, Map<String, List<String>> groupsByUser) {
    throw new UnsupportedOperationException(W3_LATER);
  }

  @Override
  public void createOpenTasks(int count, List<String> groups) {
    throw new UnsupportedOperationException(W3_LATER);
  }

  @Override
  public List<String> firstPage(String user, List<String> groups, int pageSize) {
    throw new UnsupportedOperationException(W3_LATER);
  }

  @Override
  public long count(String user, List<String> groups) {
    throw new UnsupportedOperationException(W3_LATER);
  }

  @Override
  public int fetchAndComplete(String workerId, int max) {
    TopicRequest topic = new TopicRequest(BenchProcess.TOPIC, LOCK_MS, List.of(), null);
    List<LockedExternalTask> locked =
        engine
            .externalTaskService()
            .fetchAndLock(BENCH, new FetchRequest(workerId, max, List.of(topic), false));
    for (LockedExternalTask task : locked) {
      engine.externalTaskService().complete(BENCH, task.id(), workerId, Map.of(), Map.of());
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
          engine.historyService().findProcessInstance(BENCH, id);
      if (instance.isEmpty() || instance.get().endedAt() == null) {
        running++;
      }
    }
    return running;
  }

  @Override
  public void close() {
    engine.close();
  }
}
