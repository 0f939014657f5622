package io.bulwark.engine.runtime;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.HistoryLevel;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.bpmn.model.CallActivity;
import io.bulwark.engine.bpmn.model.ElementType;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.dmn.Decisions;
import io.bulwark.engine.externaltask.ExternalTaskSignal;
import io.bulwark.engine.form.DeployedForms;
import io.bulwark.engine.job.JobScheduler;
import io.bulwark.engine.variable.JavaValues;
import io.bulwark.engine.variable.SensitiveFields;
import io.bulwark.engine.variable.VariableRepository;
import io.bulwark.engine.variable.VariableValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The process engine core, one per engine: behaviours, the definition cache and settings. Feature
 * commands open a {@link RuntimeSession} per command. The methods {@link #leaveActivity}, {@link
 * #throwBpmnError} and {@link #fireTimer} are the hooks for the job executor and the external task
 * service; they run inside the caller's command. Thread-safe.
 */
public final class ProcessRuntime {

  private final RuntimeSettings settings;
  private final DefinitionCache definitions;
  private final VariableValues values;
  private final VariableRepository variableRepository;
  private final SensitiveFields sensitive;
  private final JavaValues javaValues;
  private final DelegateRegistry delegates;
  private final AsyncContinuation async = new AsyncContinuation();
  private final JobScheduler jobs;
  private final ExternalTaskSignal externalTaskSignal = new ExternalTaskSignal();
  private final Decisions decisions;
  private final DeployedForms forms = new DeployedForms();
  private final Map<ElementType, NodeBehavior> behaviors = new EnumMap<>(ElementType.class);

  /** A runtime without field encryption (no key store); see the three-argument constructor. */
  public ProcessRuntime(RuntimeSettings settings, JobScheduler jobs) {
    this(settings, jobs, SensitiveFields.none());
  }

  /**
   * A runtime whose timers and async continuations become jobs of {@code jobs}, and whose sensitive
   * variables {@code sensitive} encrypts (D1).
   */
  public ProcessRuntime(RuntimeSettings settings, JobScheduler jobs, SensitiveFields sensitive) {
    this.settings = settings;
    this.sensitive = sensitive;
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.definitions = new DefinitionCache(settings.definitionCacheSize(), settings.parseOptions());
    this.values = new VariableValues(settings.variables());
    this.variableRepository = new VariableRepository(values, sensitive);
    this.javaValues = new JavaValues(values.json());
    this.decisions = new Decisions(settings.historyLevel(), values, sensitive);
    this.delegates = new DelegateRegistry(settings.parseOptions().allowedDelegateClasses());
    behaviors.put(ElementType.START_EVENT, new NoneStartEventBehavior());
    behaviors.put(ElementType.END_EVENT, new EndEventBehavior());
    behaviors.put(ElementType.INTERMEDIATE_CATCH_EVENT, new IntermediateCatchEventBehavior());
    behaviors.put(ElementType.BOUNDARY_EVENT, new BoundaryEventBehavior());
    behaviors.put(ElementType.USER_TASK, new UserTaskBehavior());
    behaviors.put(ElementType.SERVICE_TASK, new ServiceTaskBehavior());
    behaviors.put(ElementType.SUB_PROCESS, new SubProcessBehavior());
    behaviors.put(ElementType.CALL_ACTIVITY, new CallActivityBehavior());
    behaviors.put(ElementType.EXCLUSIVE_GATEWAY, new ExclusiveGatewayBehavior());
    behaviors.put(ElementType.PARALLEL_GATEWAY, new ParallelGatewayBehavior());
    behaviors.put(ElementType.INCLUSIVE_GATEWAY, new InclusiveGatewayBehavior());
    behaviors.put(ElementType.TASK, new PassThroughBehavior());
    behaviors.put(ElementType.RECEIVE_TASK, new ReceiveTaskBehavior());
    behaviors.put(ElementType.MANUAL_TASK, new PassThroughBehavior());
    behaviors.put(ElementType.INTERMEDIATE_THROW_EVENT, new IntermediateThrowEventBehavior());
    behaviors.put(ElementType.EVENT_BASED_GATEWAY, new EventBasedGatewayBehavior());
    behaviors.put(ElementType.BUSINESS_RULE_TASK, new BusinessRuleTaskBehavior());
    behaviors.put(ElementType.TRANSACTION, new SubProcessBehavior());
    behaviors.put(ElementType.SEND_TASK, new ServiceTaskBehavior());
  }

  /** A session for one command. */
  public RuntimeSession session(CommandContext context) {
    return new RuntimeSession(this, context);
  }

  public RuntimeSettings settings() {
    return settings;
  }

  public HistoryLevel historyLevel() {
    return settings.historyLevel();
  }

  public DefinitionCache definitions() {
    return definitions;
  }

  public VariableValues values() {
    return values;
  }

  public VariableRepository variableRepository() {
    return variableRepository;
  }

  /** Seals and opens sensitive variables (D1). */
  public SensitiveFields sensitiveFields() {
    return sensitive;
  }

  /** A stored value as the Java value callers see. */
  public @Nullable Object toJava(String name, io.bulwark.engine.variable.TypedValue value) {
    return javaValues.toJava(name, value);
  }

  /** How stored values become Java values; the history service answers values with it. */
  public JavaValues javaValues() {
    return javaValues;
  }

  DelegateRegistry delegates() {
    return delegates;
  }

  /** The deployed DMN decisions, read once per decision definition. */
  public Decisions decisions() {
    return decisions;
  }

  /** The deployed Camunda Forms, read once per form definition. */
  public DeployedForms forms() {
    return forms;
  }

  /** Where the runtime registers its timer and continuation jobs. */
  /** Fired after the commit of a command that created an external task. */
  public ExternalTaskSignal externalTaskSignal() {
    return externalTaskSignal;
  }

  public JobScheduler jobs() {
    return jobs;
  }

  AsyncContinuation async() {
    return async;
  }

  NodeBehavior behavior(FlowNode node) {
    NodeBehavior behavior = behaviors.get(node.type());
    if (behavior == null) {
      throw new IllegalStateException("no behaviour is registered for " + node.type());
    }
    return behavior;
  }

  /**
   * The latest version of a process key in a tenant (or without tenant), never stale (a remembered
   * one is guarded in the command's unit of work); {@link NotFoundException} if none is deployed.
   */
  public DeployedProcess latest(CommandContext context, String key, @Nullable String tenantId)
      throws SQLException {
    return definitions.latest(context.connection(), key, tenantId, context.unitOfWork());
  }

  /**
   * The definition a call activity starts: its binding decides the version; {@code latest} and
   * {@code version} look in the calling definition's tenant (or among those without tenant).
   */
  DeployedProcess resolveCalled(
      CommandContext context,
      CallActivity call,
      String key,
      @Nullable String version,
      DeployedProcess caller)
      throws SQLException {
    Connection connection = context.connection();
    String deploymentId = caller.deploymentId();
    String tenantId = caller.tenantId();
    return switch (call.binding()) {
      case LATEST -> latest(context, key, tenantId);
      case DEPLOYMENT ->
          byQuery(
              connection,
              "SELECT id FROM bw_process_definition WHERE def_key = ? AND deployment_id = ?",
              "process " + key + " is not part of deployment " + deploymentId,
              key,
              deploymentId);
      case VERSION ->
          tenantId == null
              ? byQuery(
                  connection,
                  "SELECT id FROM bw_process_definition WHERE def_key = ? AND version = ?"
                      + " AND tenant_id IS NULL",
                  "process " + key + " has no version " + version,
                  key,
                  versionNumber(call, version))
              : byQuery(
                  connection,
                  "SELECT id FROM bw_process_definition WHERE def_key = ? AND version = ?"
                      + " AND tenant_id = ?",
                  "process " + key + " has no version " + version,
                  key,
                  versionNumber(call, version),
                  tenantId);
      case VERSION_TAG ->
          throw new ProcessExecutionException(
              "call activity " + call.id() + ": versionTag binding is not supported");
    };
  }

  /** The version a {@code version} binding names, or a failure naming the call activity. */
  private static int versionNumber(CallActivity call, @Nullable String version) {
    if (version == null || !version.matches("\\d{1,9}")) {
      throw new ProcessExecutionException(
          "call activity " + call.id() + ": version '" + version + "' is not a version number");
    }
    return Integer.parseInt(version);
  }

  private DeployedProcess byQuery(
      Connection connection, String sql, String notFound, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setMaxRows(1);
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException(notFound);
        }
        return definitions.get(connection, rs.getString(1));
      }
    }
  }

  // ------------------------------------------------------------ hooks for jobs and external tasks

  /**
   * Completes the wait state of an execution (external task done, async continuation) with
   * variables and continues the instance, in the caller's command. The runtime deletes the rows the
   * execution owned there (the external task row included); callers must not delete them too.
   */
  public void leaveActivity(CommandContext context, String executionId, Map<String, ?> variables)
      throws SQLException {
    RuntimeSession session = session(context);
    InstanceState instance = session.instanceOfExecution(executionId);
    Execution execution = requireWaiting(instance, executionId);
    session.setVariables(instance, execution, variables);
    session.leave(instance, execution);
    session.run();
  }

  /**
   * Sets variables from a waiting execution, which stays where it is (an external task's worker
   * reported a failure with variables): {@code variables} go to the nearest scope that has them,
   * else to the process; {@code localVariables} to the execution itself.
   */
  public void setWaitingVariables(
      CommandContext context,
      String executionId,
      Map<String, ?> variables,
      Map<String, ?> localVariables)
      throws SQLException {
    RuntimeSession session = session(context);
    InstanceState instance = session.instanceOfExecution(executionId);
    Execution execution = requireWaiting(instance, executionId);
    session.setVariables(instance, execution, variables);
    session.setLocalVariables(instance, execution, localVariables);
    session.run(); // conditional events may wait for these variables
  }

  /**
   * Raises a BPMN error at a waiting execution (an external task's worker reported it); see {@link
   * ErrorPropagation}. Throws {@link UnhandledBpmnErrorException} when nothing catches it, so the
   * caller can record an incident instead.
   */
  public void throwBpmnError(
      CommandContext context,
      String executionId,
      String errorCode,
      @Nullable String errorMessage,
      Map<String, ?> variables)
      throws SQLException {
    RuntimeSession session = session(context);
    InstanceState instance = session.instanceOfExecution(executionId);
    Execution execution = requireWaiting(instance, executionId);
    session.setVariables(instance, execution, variables);
    ErrorPropagation.fromActivity(session, instance, execution, errorCode, errorMessage);
    session.run();
  }

  /**
   * Fires the timer job {@code jobId} that waits at {@code timerEventId} for {@code executionId}:
   * an intermediate timer continues; an interrupting boundary timer cancels the activity and
   * continues at the boundary event; a non-interrupting one adds an execution there; an event
   * sub-process starts; an event-based gateway continues at that timer ({@link
   * RuntimeSession#eventArrived}). The job row itself is left to the job executor.
   */
  public void fireTimer(
      CommandContext context, String jobId, String executionId, String timerEventId)
      throws SQLException {
    RuntimeSession session = session(context);
    InstanceState instance = session.instanceOfExecution(executionId);
    Execution execution = requireWaiting(instance, executionId);
    session.eventArrived(instance, execution, timerEventId, "timer " + timerEventId, Map.of());
    session.run();
  }

  /**
   * Runs an async-continuation job of {@code executionId}: {@value AsyncContinuation#BEFORE} runs
   * the behaviour of the activity it waits at; {@value AsyncContinuation#AFTER} takes the
   * activity's outgoing flows.
   */
  public void continueAsync(CommandContext context, String executionId, @Nullable String phase)
      throws SQLException {
    RuntimeSession session = session(context);
    InstanceState instance = session.instanceOfExecution(executionId);
    Execution execution = requireWaiting(instance, executionId);
    FlowNode node = instance.model().node(execution.activityId());
    String flowId = AsyncContinuation.flowOf(phase);
    if (flowId != null) {
      session
          .agenda()
          .plan(
              new Operations.TakeFlowsOperation(
                  instance, execution, List.of(AsyncContinuation.flow(instance, node, flowId))));
    } else if (AsyncContinuation.AFTER.equals(phase)
        && MultiInstanceBehavior.isRun(instance, execution, node.id())) {
      MultiInstanceBehavior.runCompleted(session, instance, execution, node);
    } else if (AsyncContinuation.AFTER.equals(phase)) {
      session
          .agenda()
          .plan(
              new Operations.TakeFlowsOperation(
                  instance, execution, OutgoingFlows.select(session, instance, execution, node)));
    } else {
      session.agenda().plan(new Operations.ExecuteNodeOperation(instance, execution, node));
    }
    session.run();
  }

  /**
   * Runs a {@value Signals#THROW_JOB} job: broadcasts the signal that an asynchronous throw event
   * ({@code camunda:async}) scheduled, to the subscribers there are now, without variables.
   */
  public void throwSignal(CommandContext context, String signalName) throws SQLException {
    RuntimeSession session = session(context);
    Signals.broadcast(session, signalName, Map.of(), Signals.Access.NONE);
    session.run();
  }

  /** Starts an instance of {@code definitionId} at its timer start event (a timer-start job). */
  public void startByTimer(CommandContext context, String definitionId, String startEventId)
      throws SQLException {
    DeployedProcess process = definitions.get(context.connection(), definitionId);
    if (!(process.model().node(startEventId) instanceof StartEvent start)) {
      throw new NotFoundException(
          "process definition " + definitionId + " has no start event " + startEventId);
    }
    RuntimeSession session = session(context);
    session.startInstance(process, start, null, Map.of(), null);
    session.run();
  }

  private static Execution requireWaiting(InstanceState instance, String executionId) {
    RuntimeSession.requireActive(instance);
    Execution execution = instance.execution(executionId);
    if (execution == null) {
      throw new ConflictException("execution " + executionId + " has already moved on");
    }
    return execution;
  }
}
