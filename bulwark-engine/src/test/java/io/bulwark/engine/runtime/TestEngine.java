package io.bulwark.engine.runtime;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.DeploymentResult;
import io.bulwark.engine.api.JobExecutorSettings;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.authz.AuthorizationChecker;
import io.bulwark.engine.authz.GrantEverythingTestChecker;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.deployment.DefaultRepositoryService;
import io.bulwark.engine.history.DefaultHistoryService;
import io.bulwark.engine.instance.DefaultRuntimeService;
import io.bulwark.engine.job.EngineManagementService;
import io.bulwark.engine.job.JobHandlers;
import io.bulwark.engine.job.JobScheduler;
import io.bulwark.engine.task.DefaultTaskService;
import io.bulwark.engine.variable.SensitiveScreen;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A real engine core on a fresh database, with the services a test needs. */
public final class TestEngine implements AutoCloseable {

  public static final Principal ALICE = new Principal("alice", Set.of("accounting"));

  public final HikariDataSource dataSource;
  public final CommandExecutor executor;
  public final ProcessRuntime runtime;
  public final DefaultRepositoryService repository;
  public final DefaultRuntimeService runtimeService;
  public final DefaultTaskService tasks;
  public final DefaultHistoryService history;
  public final EngineManagementService management;
  private boolean runningJobs;
  private boolean holdJobs;

  public TestEngine(EngineDatabase database, RuntimeSettings settings) {
    this(database, settings, new GrantEverythingTestChecker());
  }

  /** An engine whose command executor asks {@code checker} (authorization tests). */
  public TestEngine(
      EngineDatabase database, RuntimeSettings settings, AuthorizationChecker checker) {
    this.dataSource = database.create();
    this.executor = new CommandExecutor(dataSource, checker, Clock.systemUTC());
    JobExecutorSettings jobSettings = JobExecutorSettings.defaults();
    this.runtime = new ProcessRuntime(settings, new JobScheduler(jobSettings, this::runDueJobs));
    this.management =
        new EngineManagementService(
            executor,
            JobHandlers.of(RuntimeJobHandlers.of(runtime)),
            jobSettings,
            SensitiveScreen.none());
    this.repository = new DefaultRepositoryService(executor, runtime);
    this.runtimeService = new DefaultRuntimeService(executor, runtime);
    this.tasks = new DefaultTaskService(executor, runtime);
    this.history = new DefaultHistoryService(executor, runtime.javaValues());
  }

  public TestEngine(EngineDatabase database) {
    this(database, RuntimeSettings.defaults());
  }

  /**
   * Runs the async continuations that are due, at once in the calling thread, after each command
   * that created one (the engine's job executor does this in the background; these tests keep one
   * thread so that they can assert right after a call).
   */
  private synchronized void runDueJobs() {
    if (runningJobs || holdJobs) {
      return;
    }
    runningJobs = true;
    try {
      for (int i = 0; i < 1000; i++) {
        String id =
            single(
                "SELECT id FROM bw_job WHERE job_type = 'async-continuation'"
                    + " AND lock_owner IS NULL AND retries > 0 ORDER BY created_at");
        if (id == null) {
          return;
        }
        management.executeJob(ALICE, id);
      }
    } finally {
      runningJobs = false;
    }
  }

  /**
   * Keeps async continuations as jobs instead of running them after each command (tests that assert
   * the jobs, as Camunda's do, then run them with {@code management.executeJob}).
   */
  public synchronized void holdJobs() {
    holdJobs = true;
  }

  public static byte[] model(String name) {
    try (InputStream in = TestEngine.class.getResourceAsStream("/bpmn/models/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the latest version of {@code key} as {@link #ALICE}. */
  public ProcessInstance start(String key, Map<String, Object> variables) {
    return runtimeService.startProcessInstance(
        ALICE, StartInstanceRequest.byKey(key).withVariables(variables));
  }

  public DeploymentResult deploy(String resource) {
    return repository.deploy(ALICE, DeploymentRequest.of(resource, resource, model(resource)));
  }

  public DeploymentResult deployXml(String name, String xml) {
    return repository.deploy(
        ALICE,
        DeploymentRequest.of(
            name, name + ".bpmn", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  public List<TaskView> tasksOf(String instanceId) {
    return tasks.findTasks(ALICE, TaskQuery.all().ofInstance(instanceId)).items();
  }

  public TaskView onlyTask(String instanceId) {
    List<TaskView> found = tasksOf(instanceId);
    if (found.size() != 1) {
      throw new AssertionError("expected one task of " + instanceId + " but found " + found);
    }
    return found.get(0);
  }

  public long count(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public String single(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of every row {@code sql} returns, as strings. */
  public List<String> ids(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<String> result = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          result.add(rs.getString(1));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Completes the external task waiting at {@code activityId} through the runtime hook. */
  public void completeExternal(
      String instanceId, String activityId, java.util.Map<String, ?> vars) {
    String executionId =
        single(
            "SELECT execution_id FROM bw_external_task WHERE process_instance_id = ?"
                + " AND activity_id = ?",
            instanceId,
            activityId);
    if (executionId == null) {
      throw new AssertionError("no external task at " + activityId + " of " + instanceId);
    }
    executor.execute(
        io.bulwark.engine.command.Actor.user("worker"),
        new io.bulwark.engine.command.TestHookCommand(
            c -> runtime.leaveActivity(c, executionId, vars)));
  }

  /** Reports a BPMN error for the external task waiting at {@code activityId}. */
  public void failExternal(String instanceId, String activityId, String errorCode) {
    String executionId =
        single(
            "SELECT execution_id FROM bw_external_task WHERE process_instance_id = ?"
                + " AND activity_id = ?",
            instanceId,
            activityId);
    executor.execute(
        io.bulwark.engine.command.Actor.user("worker"),
        new io.bulwark.engine.command.TestHookCommand(
            c -> runtime.throwBpmnError(c, executionId, errorCode, "failed", java.util.Map.of())));
  }

  /** Fires the timer job waiting at {@code timerEventId}. */
  public void fireTimer(String instanceId, String timerEventId) {
    String jobId =
        single(
            "SELECT id FROM bw_job WHERE process_instance_id = ? AND activity_id = ?",
            instanceId,
            timerEventId);
    String executionId = single("SELECT execution_id FROM bw_job WHERE id = ?", jobId);
    executor.execute(
        io.bulwark.engine.command.Actor.user("job-executor"),
        new io.bulwark.engine.command.TestHookCommand(
            c -> {
              runtime.fireTimer(c, jobId, executionId, timerEventId);
              var job = io.bulwark.engine.job.JobRows.find(c.connection(), jobId).orElseThrow();
              c.unitOfWork().delete(io.bulwark.engine.job.JobRows.WRITER, job.id(), job.rev());
            }));
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
