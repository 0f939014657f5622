package io.bulwark.bench.bulwark;

import io.bulwark.bench.api.BenchEngine;
import io.bulwark.bench.api.BenchProcess;
import io.bulwark.bench.api.GatewayVariables;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.api.TopicRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;

/**
 * Bulwark through its public services, every call as the benchmark's principal. W3 throws: the
 * driver does not run it until the authorization layer exists.
 */
final class BulwarkBenchEngine implements BenchEngine {

  private static final Principal BENCH = new Principal("bench", Set.of(BenchProcess.CANDIDATE_GROUP));
  private static final long LOCK_MS = 60_000;

  private final BulwarkEngine engine;
  private final ObjectMapper json = new ObjectMapper();

  BulwarkBenchEngine(BulwarkEngine engine) {
    this.engine = engine;
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("version", String.valueOf(BulwarkEngine.class.getPackage().getImplementationVersion()));
    settings.put("history", "audit (default)");
    settings.put("authorization", "not yet (W3 n/a)");
    settings.put("jsonVariable", "json (Jackson tree)");
    return settings;
  }

  @Override
  public void deploy(BenchProcess process) {
    engine
        .repositoryService()
        .deploy(BENCH, DeploymentRequest.of(process.key(), process.key() + ".bpmn", BulwarkModels.of(process)));
  }

  @Override
  public void start(BenchProcess process) {
    engine.runtimeService().startProcessInstance(BENCH, StartInstanceRequest.byKey(process.key()));
  }

  @Override
  public void start(BenchProcess process, GatewayVariables variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("label", variables.label());
    values.put("amount", variables.amount());
    values.put("payload", json.readTree(variables.json()));
    engine
        .runtimeService()
        .startProcessInstance(BENCH, StartInstanceRequest.byKey(process.key()).withVariables(values));
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
    throw new UnsupportedOperationException("W3 waits for Bulwark's authorization layer");
  }

  @Override
  public void createOpenTasks(int count, List<String> groups) {
    throw new UnsupportedOperationException("W3 waits for Bulwark's authorization layer");
  }

  @Override
  public List<String> firstPage(String user, List<String> groups, int pageSize) {
    throw new UnsupportedOperationException("W3 waits for Bulwark's authorization layer");
  }

  @Override
  public long count(String user, List<String> groups) {
    throw new UnsupportedOperationException("W3 waits for Bulwark's authorization layer");
  }

  @Override
  public int fetchAndComplete(String workerId, int max) {
    List<LockedExternalTask> locked =
        engine
            .externalTaskService()
            .fetchAndLock(
                BENCH,
                new FetchRequest(
                    workerId, max, List.of(new TopicRequest(BenchProcess.TOPIC, LOCK_MS, null, null)), false));
    for (LockedExternalTask task : locked) {
      engine.externalTaskService().complete(BENCH, task.id(), workerId, Map.of(), Map.of());
    }
    return locked.size();
  }

  /** Completing an external task continues its instance in the same transaction: none waits. */
  @Override
  public long runningInstances(BenchProcess process) {
    return 0;
  }

  @Override
  public void close() {
    engine.close();
  }
}
