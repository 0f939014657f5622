package io.bulwark.bench.camunda;

import io.bulwark.bench.api.BenchEngine;
import io.bulwark.bench.api.BenchProcess;
import io.bulwark.bench.api.GatewayVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Camunda 7 through its public services. Set-up batches run inside one command per chunk (nested
 * service calls join the command's transaction); the JSON variable is a string because Camunda's
 * JSON type needs the Spin plug-in, which is not part of the engine.
 */
final class CamundaEngine implements BenchEngine {

  private static final int CHUNK = 1000;
  private static final long LOCK_MS = 60_000;

  private final ProcessEngineConfigurationImpl config;
  private final ProcessEngine engine;

  CamundaEngine(ProcessEngineConfigurationImpl config, ProcessEngine engine) {
    this.config = config;
    this.engine = engine;
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(
        "version", String.valueOf(ProcessEngine.class.getPackage().getImplementationVersion()));
    settings.put("history", config.getHistoryLevel().getName());
    settings.put("authorizationEnabled", String.valueOf(config.isAuthorizationEnabled()));
    settings.put("jobExecutorActivate", String.valueOf(config.isJobExecutorActivate()));
    settings.put("jsonVariable", "string (no Spin plug-in)");
    return settings;
  }

  @Override
  public void deploy(BenchProcess process) {
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(process.key() + ".bpmn", CamundaModels.of(process))
        .deploy();
  }

  @Override
  public void start(BenchProcess process) {
    engine.getRuntimeService().startProcessInstanceByKey(process.key());
  }

  @Override
  public void start(BenchProcess process, GatewayVariables variables) {
    engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            process.key(),
            Variables.createVariables()
                .putValue("label", variables.label())
                .putValue("amount", variables.amount())
                .putValue("payload", variables.json()));
  }

  @Override
  public List<String> openTaskIds(int max) {
    return engine.getTaskService().createTaskQuery().listPage(0, max).stream()
        .map(Task::getId)
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

  /**
   * Standalone tasks with one candidate group and one READ grant for that group, created with
   * authorization checks off (set-up is no user's action), then switched back on.
   */
  @Override
  public void createOpenTasks(int count, List<String> groups) {
    TaskService tasks = engine.getTaskService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    boolean enabled = config.isAuthorizationEnabled();
    config.setAuthorizationEnabled(false);
    try {
      for (int from = 0; from < count; from += CHUNK) {
        int first = from;
        int last = Math.min(count, from + CHUNK);
        inCommand(
            () -> {
              for (int i = first; i < last; i++) {
                String group = groups.get(i % groups.size());
                Task task = tasks.newTask();
                task.setName("task " + i);
                tasks.saveTask(task);
                tasks.addCandidateGroup(task.getId(), group);
                Authorization grant =
                    authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                grant.setGroupId(group);
                grant.setResource(Resources.TASK);
                grant.setResourceId(task.getId());
                grant.addPermission(Permissions.READ);
                authorizations.saveAuthorization(grant);
              }
            });
      }
    } finally {
      config.setAuthorizationEnabled(enabled);
    }
  }

  @Override
  public List<String> firstPage(String user, List<String> groups, int pageSize) {
    return asUser(
        user,
        groups,
        () ->
            engine
                .getTaskService()
                .createTaskQuery()
                .taskCandidateGroupIn(groups)
                .orderByTaskCreateTime()
                .desc()
                .listPage(0, pageSize)
                .stream()
                .map(Task::getId)
                .toList());
  }

  @Override
  public long count(String user, List<String> groups) {
    return asUser(
        user,
        groups,
        () -> engine.getTaskService().createTaskQuery().taskCandidateGroupIn(groups).count());
  }

  @Override
  public int fetchAndComplete(String workerId, int max) {
    List<LockedExternalTask> locked =
        engine
            .getExternalTaskService()
            .fetchAndLock(max, workerId)
            .topic(BenchProcess.TOPIC, LOCK_MS)
            .execute();
    for (LockedExternalTask task : locked) {
      engine.getExternalTaskService().complete(task.getId(), workerId);
    }
    return locked.size();
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
    config
        .getCommandExecutorTxRequired()
        .execute(
            commandContext -> {
              body.run();
              return null;
            });
  }

  private <T> T asUser(String user, List<String> groups, java.util.function.Supplier<T> query) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return query.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
