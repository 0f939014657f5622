package io.bulwark.engine.e2e;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.HistoryService;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.JobExecutorSettings;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.api.TopicRequest;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** An engine built through {@link BulwarkEngine#builder()} with a fast job executor. */
final class PublicEngine implements AutoCloseable {

  static final Principal ALICE = new Principal("alice", Set.of("accounting"));
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  final BulwarkEngine engine;
  private final HikariDataSource dataSource;

  PublicEngine(EngineDatabase database, Set<String> delegates) {
    this.dataSource = database.open();
    this.engine =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .allowedDelegateClasses(delegates)
            .jobExecutor(JobExecutorActivation.ON)
            .jobExecutorSettings(
                JobExecutorSettings.defaults()
                    .withPolling(Duration.ofMillis(50), Duration.ofMillis(200))
                    .withRetryDelay(Duration.ZERO))
            .build();
    // Alice works through the real checker: her group holds every permission.
    TestGrants.allToGroup(dataSource, "accounting");
  }

  PublicEngine(EngineDatabase database) {
    this(database, Set.of());
  }

  void deploy(String resource) {
    engine
        .repositoryService()
        .deploy(ALICE, DeploymentRequest.of(resource, resource, model(resource)));
  }

  void deployXml(String name, String xml) {
    engine
        .repositoryService()
        .deploy(
            ALICE,
            DeploymentRequest.of(name, name + ".bpmn", xml.getBytes(StandardCharsets.UTF_8)));
  }

  ProcessInstance start(String key, Map<String, Object> variables) {
    return engine
        .runtimeService()
        .startProcessInstance(ALICE, StartInstanceRequest.byKey(key).withVariables(variables));
  }

  /** Waits until a worker can lock a task of {@code topic} in {@code instanceId}; returns it. */
  LockedExternalTask fetch(String topic, String instanceId) {
    return await(
        "external task " + topic + " of " + instanceId,
        () ->
            engine
                .externalTaskService()
                .fetchAndLock(
                    ALICE,
                    new FetchRequest(
                        "worker-1",
                        10,
                        List.of(new TopicRequest(topic, 60_000, null, null)),
                        false))
                .stream()
                .filter(t -> t.processInstanceId().equals(instanceId))
                .findFirst());
  }

  void completeExternal(String topic, String instanceId, Map<String, Object> variables) {
    LockedExternalTask task = fetch(topic, instanceId);
    engine.externalTaskService().complete(ALICE, task.id(), "worker-1", variables, Map.of());
  }

  TaskView awaitTask(String instanceId, String key) {
    return await(
        "task " + key + " of " + instanceId,
        () ->
            engine
                .taskService()
                .findTasks(ALICE, TaskQuery.all().ofInstance(instanceId))
                .items()
                .stream()
                .filter(t -> t.taskDefinitionKey().equals(key))
                .findFirst());
  }

  List<TaskView> tasks(String instanceId) {
    return engine.taskService().findTasks(ALICE, TaskQuery.all().ofInstance(instanceId)).items();
  }

  HistoryService.HistoricProcessInstance awaitEnded(String instanceId) {
    return await(
        "end of " + instanceId,
        () ->
            engine
                .historyService()
                .findProcessInstance(ALICE, instanceId)
                .filter(h -> h.endedAt() != null));
  }

  /** Polls {@code probe} every 50 ms until it yields a value, at most {@link #TIMEOUT}. */
  static <T> T await(String what, Supplier<Optional<T>> probe) {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
    throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
  }

  static byte[] model(String name) {
    try (InputStream in = PublicEngine.class.getResourceAsStream("/bpmn/models/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      engine.close();
    } finally {
      dataSource.close();
    }
  }
}
