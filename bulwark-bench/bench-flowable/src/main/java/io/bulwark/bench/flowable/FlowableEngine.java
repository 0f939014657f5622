package io.bulwark.bench.flowable;

import io.bulwark.bench.api.BenchEngine;
import io.bulwark.bench.api.BenchProcess;
import io.bulwark.bench.api.GatewayVariables;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.idm.api.Group;
import org.flowable.idm.api.User;
import org.flowable.job.api.AcquiredExternalWorkerJob;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskInfo;
import tools.jackson.databind.ObjectMapper;

/**
 * Flowable through its public services. Set-up batches run inside one command per chunk; the JSON
 * variable is a Jackson tree (Flowable's own {@code json} variable type).
 */
final class FlowableEngine implements BenchEngine {

  private static final int CHUNK = 1000;
  private static final Duration LOCK = Duration.ofMinutes(1);

  private final ProcessEngineConfigurationImpl config;
  private final ProcessEngine engine;
  private final ObjectMapper json = new ObjectMapper();

  FlowableEngine(ProcessEngineConfigurationImpl config, ProcessEngine engine) {
    this.config = config;
    this.engine = engine;
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("version", ProcessEngine.class.getPackage().getImplementationVersion() + "");
    settings.put("history", String.valueOf(config.getHistoryLevel()));
    settings.put("authorization", "none (candidate-group query)");
    settings.put("asyncExecutorActivate", String.valueOf(config.isAsyncExecutorActivate()));
    settings.put("jsonVariable", "json (Jackson tree)");
    return settings;
  }

  @Override
  public void deploy(BenchProcess process) {
    engine
        .getRepositoryService()
        .createDeployment()
        .addString(process.key() + ".bpmn20.xml", FlowableModels.of(process))
        .deploy();
  }

  @Override
  public void start(BenchProcess process) {
    engine.getRuntimeService().startProcessInstanceByKey(process.key());
  }

  @Override
  public void start(BenchProcess process, GatewayVariables variables) {
    Map<String, Object> values = new HashMap<>();
    values.put("label", variables.label());
    values.put("amount", variables.amount());
    values.put("payload", json.readTree(variables.json()));
    engine.getRuntimeService().startProcessInstanceByKey(process.key(), values);
  }

  @Override
  public List<String> openTaskIds(int max) {
    return engine.getTaskService().createTaskQuery().listPage(0, max).stream()
        .map(TaskInfo::getId)
        .toList();
  }

  @Override
  public void completeTask(String taskId) {
    engine.getTaskService().complete(taskId);
  }

  @Override
  public void createIdentities(List<String> groups, Map<String, List<String>> groupsByUser) {
    IdentityService identity = engine.getIdentityService();
    inCommand(
        () -> {
          for (String id : groups) {
            Group group = identity.newGroup(id);
            group.setName(id);
            identity.saveGroup(group);
          }
        });
    List<String> users = List.copyOf(groupsByUser.keySet());
    for (int from = 0; from < users.size(); from += CHUNK) {
      List<String> chunk = users.subList(from, Math.min(users.size(), from + CHUNK));
      inCommand(
          () -> {
            for (String id : chunk) {
              User user = identity.newUser(id);
              user.setFirstName(id);
              identity.saveUser(user);
              for (String group : groupsByUser.getOrDefault(id, List.of())) {
                identity.createMembership(id, group);
              }
            }
          });
    }
  }

  @Override
  public void createOpenTasks(int count, List<String> groups) {
    TaskService tasks = engine.getTaskService();
    for (int from = 0; from < count; from += CHUNK) {
      int first = from;
      int last = Math.min(count, from + CHUNK);
      inCommand(
          () -> {
            for (int i = first; i < last; i++) {
              Task task = tasks.newTask();
              task.setName("task " + i);
              tasks.saveTask(task);
              tasks.addCandidateGroup(task.getId(), groups.get(i % groups.size()));
            }
          });
    }
  }

  @Override
  public List<String> firstPage(String user, List<String> groups, int pageSize) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .taskCandidateGroupIn(groups)
        .orderByTaskCreateTime()
        .desc()
        .listPage(0, pageSize)
        .stream()
        .map(TaskInfo::getId)
        .toList();
  }

  @Override
  public long count(String user, List<String> groups) {
    return engine.getTaskService().createTaskQuery().taskCandidateGroupIn(groups).count();
  }

  @Override
  public int fetchAndComplete(String workerId, int max) {
    ManagementService management = engine.getManagementService();
    List<AcquiredExternalWorkerJob> jobs =
        management
            .createExternalWorkerJobAcquireBuilder()
            .topic(BenchProcess.TOPIC, LOCK)
            .acquireAndLock(max, workerId);
    for (AcquiredExternalWorkerJob job : jobs) {
      management.createExternalWorkerCompletionBuilder(job.getId(), workerId).complete();
    }
    return jobs.size();
  }

  @Override
  public long runningInstances(BenchProcess process) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(process.key())
        .count();
  }

  @Override
  public void close() {
    engine.close();
  }

  private void inCommand(Runnable body) {
    engine
        .getManagementService()
        .executeCommand(
            commandContext -> {
              body.run();
              return null;
            });
  }
}
