package io.bulwark.engine.runtime;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.bpmn.model.CallActivity;
import io.bulwark.engine.bpmn.model.ExecutionListeners;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.expression.Expression;
import io.bulwark.engine.expression.ExpressionException;
import io.bulwark.engine.expression.VariableLookup;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.variable.TypedValue;
import io.bulwark.engine.variable.VariableRow;
import io.bulwark.engine.variable.VariableRows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The runtime as one command uses it: the instances it has locked and loaded, the agenda, the
 * history recorder and the rows executions own. Commands of the feature packages get one from
 * {@link ProcessRuntime#session} and call {@link #run()} after planning work. Not thread-safe.
 */
public final class RuntimeSession {

  private static final String LOCK_ROOT =
      "SELECT id, suspended FROM bw_execution WHERE id = ? AND parent_id IS NULL FOR UPDATE";
  private static final String LOAD_EXECUTIONS =
      "SELECT " + ExecutionRows.COLUMNS + " FROM bw_execution WHERE process_instance_id = ?";

  private final ProcessRuntime runtime;
  private final CommandContext context;
  private final HistoryRecorder history;
  private final Agenda agenda = new Agenda();
  private final Attachments attachments = new Attachments(this);
  private final Map<String, InstanceState> instances = new HashMap<>();
  private final Map<String, java.util.Set<String>> changedVariables = new HashMap<>();
  private final java.util.Set<String> checkedConditions = new java.util.HashSet<>();

  RuntimeSession(ProcessRuntime runtime, CommandContext context) {
    this.runtime = runtime;
    this.context = context;
    this.history = new HistoryRecorder(context, runtime.historyLevel());
  }

  public CommandContext context() {
    return context;
  }

  public HistoryRecorder history() {
    return history;
  }

  ProcessRuntime runtime() {
    return runtime;
  }

  Agenda agenda() {
    return agenda;
  }

  Attachments attachments() {
    return attachments;
  }

  /**
   * The instance with this id, its root row locked (FOR UPDATE) until the command ends, so that
   * commands on one instance run one after another (a parallel join sees every arrival), then all
   * its executions loaded with one query.
   *
   * @throws NotFoundException when there is no such running instance
   */
  public InstanceState instance(String processInstanceId) throws SQLException {
    InstanceState known = instances.get(processInstanceId);
    if (known != null) {
      return known;
    }
    boolean suspended;
    try (PreparedStatement lock = context.connection().prepareStatement(LOCK_ROOT)) {
      lock.setString(1, processInstanceId);
      try (ResultSet rs = lock.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("process instance " + processInstanceId + " is not running");
        }
        suspended = rs.getBoolean(2);
      }
    }
    List<Execution> executions = new ArrayList<>();
    try (PreparedStatement load = context.connection().prepareStatement(LOAD_EXECUTIONS)) {
      load.setString(1, processInstanceId);
      try (ResultSet rs = load.executeQuery()) {
        while (rs.next()) {
          executions.add(new Execution(ExecutionRows.MAPPER.map(rs), Execution.State.CLEAN));
        }
      }
    }
    DeployedProcess process =
        runtime.definitions().get(context.connection(), executions.get(0).processDefinitionId());
    InstanceState state = new InstanceState(process, executions, context.unitOfWork());
    state.suspended(suspended);
    instances.put(processInstanceId, state);
    return state;
  }

  /** The instance that holds a given execution, locked and loaded. */
  InstanceState instanceOfExecution(String executionId) throws SQLException {
    for (InstanceState state : instances.values()) {
      if (state.execution(executionId) != null) {
        return state;
      }
    }
    try (PreparedStatement find =
        context
            .connection()
            .prepareStatement("SELECT process_instance_id FROM bw_execution WHERE id = ?")) {
      find.setString(1, executionId);
      try (ResultSet rs = find.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("execution " + executionId + " does not exist");
        }
        return instance(rs.getString(1));
      }
    }
  }

  /**
   * Creates a process instance at {@code start} and plans its first step; call {@link #run()}
   * afterwards. {@code superExecution} is the waiting call activity, or null. A suspended
   * definition is a conflict.
   */
  public InstanceState startInstance(
      DeployedProcess process,
      StartEvent start,
      @Nullable String businessKey,
      Map<String, ?> variables,
      @Nullable Execution superExecution)
      throws SQLException {
    DefinitionSuspensions.requireActive(context.connection(), process);
    String id = RowIds.next();
    ExecutionRow row =
        new ExecutionRow(
            id,
            id,
            null,
            process.definitionId(),
            null,
            businessKey,
            true,
            false,
            true,
            context.actor().userId(),
            process.tenantId(),
            superExecution == null ? null : superExecution.id(),
            null,
            context.now(),
            1);
    Execution root = new Execution(row, Execution.State.NEW);
    InstanceState state = new InstanceState(process, List.of(root), context.unitOfWork());
    state.loadVariables(List.of(), runtime.sensitiveFields());
    instances.put(id, state);
    history.instanceStarted(
        id,
        process.definitionId(),
        process.key(),
        businessKey,
        process.tenantId(),
        superExecution == null ? null : superExecution.processInstanceId());
    setVariables(state, variables);
    ExecutionListenerRunner.run(
        this, state, root, process.model().id(), ExecutionListeners.Event.START);
    EventSubProcesses.subscribe(this, state, root, process.model().id());
    Execution token = state.createChild(root);
    agenda.plan(new Operations.EnterNodeOperation(state, token, start));
    return state;
  }

  /** Most rounds of conditional events firing one another in one command (E8). */
  static final int MAX_CONDITION_ROUNDS = 100;

  /**
   * Runs the agenda until every execution waits or has ended, then checks the conditional events
   * that are due ({@link ConditionalEvents}) and runs again while one fires.
   */
  public void run() throws SQLException {
    for (int round = 0; ; round++) {
      agenda.run(this);
      if (!ConditionalEvents.check(this)) {
        return;
      }
      if (round >= MAX_CONDITION_ROUNDS) {
        throw new ProcessExecutionException(
            "conditional events fired more than "
                + MAX_CONDITION_ROUNDS
                + " rounds in one command; do their conditions stay true?");
      }
    }
  }

  /** The instances this command loaded or started. */
  java.util.List<InstanceState> loadedInstances() {
    return List.copyOf(instances.values());
  }

  /** Names of the variables of the instance set since the last call (then forgotten). */
  java.util.Set<String> takeChangedVariables(String instanceId) {
    java.util.Set<String> changed = changedVariables.remove(instanceId);
    return changed == null ? java.util.Set.of() : changed;
  }

  /** True the first time a conditional subscription is checked in this command. */
  boolean firstConditionCheck(String subscriptionId) {
    return checkedConditions.add(subscriptionId);
  }

  /** Plans leaving the execution's current activity (a wait state completed). */
  public void leave(InstanceState instance, Execution execution) {
    agenda.plan(new Operations.LeaveNodeOperation(instance, execution));
  }

  /**
   * A correlated message reached {@code execution} through its subscription at {@code
   * subscribedAt}: a message boundary event fires; any other wait (catch event, receive task) is
   * left.
   */
  public void messageArrived(InstanceState instance, Execution execution, String subscribedAt)
      throws SQLException {
    eventArrived(instance, execution, subscribedAt, "message", Map.of());
  }

  /**
   * An event (message, signal, timer) reached {@code execution} through what it owns for {@code
   * subscribedAt}: a boundary event fires; an event sub-process start starts it in the execution's
   * scope; any other wait (catch event, receive task) is left. {@code variables} are set from the
   * execution first.
   */
  void eventArrived(
      InstanceState instance,
      Execution execution,
      String subscribedAt,
      String cause,
      Map<String, ?> variables)
      throws SQLException {
    FlowNode node = subscribedAt == null ? null : instance.model().nodes().get(subscribedAt);
    if (node instanceof StartEvent start) {
      EventSubProcesses.trigger(this, instance, execution, start, variables);
      return;
    }
    setVariables(instance, execution, variables);
    if (node instanceof io.bulwark.engine.bpmn.model.IntermediateCatchEvent
        && instance.model().node(execution.activityId())
            instanceof io.bulwark.engine.bpmn.model.EventBasedGateway) {
      EventBasedGatewayBehavior.fired(this, instance, execution, node);
    } else if (node instanceof io.bulwark.engine.bpmn.model.BoundaryEvent boundary
        && !subscribedAt.equals(execution.activityId())) {
      BoundaryTrigger.fire(this, instance, execution, boundary, cause);
    } else {
      leave(instance, execution);
    }
  }

  void enter(InstanceState instance, Execution execution, FlowNode node) {
    agenda.plan(new Operations.EnterNodeOperation(instance, execution, node));
  }

  // ---------------------------------------------------------------- variables

  /** The process variables as Java values (loaded on first use). */
  public Map<String, Object> variables(InstanceState instance) throws SQLException {
    ensureVariables(instance);
    Map<String, Object> result = new LinkedHashMap<>();
    instance
        .typedVariables()
        .forEach((name, value) -> result.put(name, runtime.javaValues().toJava(name, value)));
    return result;
  }

  /**
   * Reads the variables of an instance, after setting {@code changes} first when they are not
   * {@code null} and recording that as a "SetVariables" operation on the entity the caller named
   * (the instance itself or one of its tasks).
   */
  public Map<String, Object> readOrSetVariables(
      InstanceState instance,
      @Nullable Map<String, Object> changes,
      HistoryRecorder.Entity entity,
      String entityId)
      throws SQLException {
    return readOrSetVariables(instance, instance.root(), changes, entity, entityId);
  }

  /**
   * As {@link #readOrSetVariables(InstanceState, Map, HistoryRecorder.Entity, String)}, seen from
   * {@code execution}: changes go where {@link #setVariables(InstanceState, Execution, Map)} puts
   * them, and the result holds the execution's local variables and its scopes' too.
   */
  public Map<String, Object> readOrSetVariables(
      InstanceState instance,
      Execution execution,
      @Nullable Map<String, Object> changes,
      HistoryRecorder.Entity entity,
      String entityId)
      throws SQLException {
    if (changes != null) {
      setVariables(instance, execution, changes);
      history()
          .operation(
              "SetVariables",
              entity,
              entityId,
              instance.id(),
              String.join(",", new TreeSet<>(changes.keySet())));
    }
    if (changes != null) {
      run(); // conditional events may wait for these variables
    }
    return variables(instance, execution);
  }

  /**
   * Refuses to move a suspended instance on (a task completed, a message or signal delivered, an
   * external task or job finished): a conflict naming the instance. Reading, variables and deletion
   * stay allowed, as in Camunda.
   */
  public static void requireActive(InstanceState instance) {
    if (instance.suspended()) {
      throw new ConflictException(
          "process instance " + instance.id() + " is suspended; activate it first");
    }
  }

  /** Sets process variables, checked against the limits (E4, W11), with history (AUDIT). */
  public void setVariables(InstanceState instance, Map<String, ?> values) throws SQLException {
    setVariables(instance, instance.root(), values);
  }

  /**
   * Sets variables from {@code execution} as Camunda does: each name is written to the nearest
   * scope, from the execution up to the process, that already has it, else to the process.
   */
  public void setVariables(InstanceState instance, Execution execution, Map<String, ?> values)
      throws SQLException {
    if (values == null || values.isEmpty()) {
      return;
    }
    ensureVariables(instance);
    Map<Execution, Map<String, Object>> byScope = new LinkedHashMap<>();
    values.forEach(
        (name, value) ->
            byScope
                .computeIfAbsent(
                    instance.variableOwner(execution, name), k -> new LinkedHashMap<>())
                .put(name, value));
    for (Map.Entry<Execution, Map<String, Object>> scope : byScope.entrySet()) {
      setLocalVariables(instance, scope.getKey(), scope.getValue());
    }
  }

  /** Sets variables on {@code execution}'s own scope (checked and recorded as above). */
  void setLocalVariables(InstanceState instance, Execution execution, Map<String, ?> values)
      throws SQLException {
    if (values.isEmpty()) {
      return;
    }
    ensureVariables(instance);
    Map<String, TypedValue> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, runtime.values().fromJava(name, value)));
    java.util.Set<String> existing = instance.localVariableNames(execution);
    long added = typed.keySet().stream().filter(n -> !existing.contains(n)).count();
    runtime.values().checkCount(execution.id(), Math.toIntExact(existing.size() + added));
    changedVariables
        .computeIfAbsent(instance.id(), k -> new java.util.HashSet<>())
        .addAll(typed.keySet());
    for (Map.Entry<String, TypedValue> entry : typed.entrySet()) {
      VariableRow row = instance.setLocalVariable(execution, entry.getKey(), entry.getValue());
      history.variableUpdated(row, false);
    }
  }

  /**
   * Removes process variables by name; a name the instance does not have is skipped. Each removal
   * is logged as a "RemoveVariable" operation (E6).
   */
  public void removeVariables(InstanceState instance, Collection<String> names)
      throws SQLException {
    if (names.isEmpty()) {
      return;
    }
    ensureVariables(instance);
    for (String name : new TreeSet<>(names)) {
      if (instance.removeVariable(name)) {
        history.operation(
            "RemoveVariable", HistoryRecorder.Entity.VARIABLE, null, instance.id(), name);
      }
    }
  }

  /** The variables visible from {@code execution} as Java values (its own, its scopes'). */
  Map<String, Object> variables(InstanceState instance, Execution execution) throws SQLException {
    ensureVariables(instance);
    Map<String, Object> result = new LinkedHashMap<>();
    instance
        .typedVariables(execution)
        .forEach((name, value) -> result.put(name, runtime.javaValues().toJava(name, value)));
    return result;
  }

  /** Removes the local variables of an execution that leaves its activity or is cancelled. */
  void removeLocalVariables(InstanceState instance, Execution execution) throws SQLException {
    if (execution.isRoot()) {
      return;
    }
    ensureVariables(instance);
    instance.removeLocalVariables(execution);
  }

  @Nullable Object evaluate(InstanceState instance, Expression expression, String elementId)
      throws SQLException {
    return evaluate(instance, instance.root(), expression, elementId);
  }

  /** Evaluates an expression over the variables visible from {@code execution}. */
  @Nullable Object evaluate(
      InstanceState instance, Execution execution, Expression expression, String elementId)
      throws SQLException {
    ensureVariables(instance);
    Map<String, TypedValue> typed = instance.typedVariables(execution);
    VariableLookup lookup =
        VariableLookup.lazy(
            typed.keySet(),
            name -> runtime.javaValues().toJava(name, Objects.requireNonNull(typed.get(name))));
    try {
      return expression.evaluate(lookup);
    } catch (ExpressionException e) {
      throw new ProcessExecutionException(
          "expression "
              + expression.source()
              + " at "
              + elementId
              + " of instance "
              + instance.id()
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  boolean condition(
      InstanceState instance, Execution execution, Expression expression, String flowId)
      throws SQLException {
    Object value = evaluate(instance, execution, expression, flowId);
    if (value instanceof Boolean b) {
      return b;
    }
    throw new ProcessExecutionException(
        "condition " + expression.source() + " of flow " + flowId + " did not return a boolean");
  }

  private void ensureVariables(InstanceState instance) throws SQLException {
    if (!instance.variablesLoaded()) {
      instance.loadVariables(
          runtime.variableRepository().findExecutionScopes(context.connection(), instance.id()),
          runtime.sensitiveFields());
    }
  }

  // ---------------------------------------------------------------- ending and cancelling

  /** Ends an instance whose last token is gone, and continues the calling activity if any. */
  void endInstance(InstanceState instance, String state, @Nullable String reason)
      throws SQLException {
    Execution root = instance.root();
    history.instanceEnded(instance.id(), state, reason);
    Map<String, Object> finalVariables = null;
    if (root.superExecutionId() != null && "COMPLETED".equals(state)) {
      finalVariables = variables(instance);
    }
    attachments.removeRoot(instance);
    Compensation.instanceEnded(this, instance);
    removeVariables(instance);
    root.remove();
    if (finalVariables != null) {
      // Final variables are kept only for a called instance.
      String superExecutionId = Objects.requireNonNull(root.superExecutionId());
      InstanceState caller = instanceOfExecution(superExecutionId);
      Execution waiting =
          Objects.requireNonNull(
              caller.execution(superExecutionId), "the waiting call activity is live");
      CallActivity activity = (CallActivity) caller.model().node(waiting.activityId());
      VariableMappings.applyOutputs(this, caller, waiting, activity.outputs(), finalVariables);
      leave(caller, waiting);
    }
  }

  /**
   * Known variables are deleted row by row (none written when there are none); unread ones by one
   * bulk delete that the unit of work sends with its other writes, not as a round trip of its own.
   */
  private void removeVariables(InstanceState instance) {
    if (instance.variablesLoaded()) {
      instance.removeVariables();
    } else {
      context.unitOfWork().deleteAll(VariableRows.WRITER, "process_instance_id", instance.id());
    }
  }

  /** Cancels every execution below {@code scope} (deepest first), with their rows and history. */
  void cancelBelow(InstanceState instance, Execution scope, String reason) throws SQLException {
    for (Execution execution : instance.descendants(scope)) {
      cancelOne(instance, execution, reason);
      execution.remove();
    }
  }

  /** Lets go of one execution's rows, called instance and history, without removing it. */
  void cancelOne(InstanceState instance, Execution execution, String reason) throws SQLException {
    if (execution.activityId() == null) {
      return;
    }
    FlowNode node = instance.model().node(execution.activityId());
    attachments.remove(instance, execution, node, Attachments.Cause.CANCEL);
    Compensation.cancelled(this, instance, execution);
    IoMappings.release(this, instance, execution, node);
    history.activityEnded(execution.activityInstanceId());
    if (node instanceof CallActivity) {
      // A call activity entered in this command has its called instance in this session only.
      String called = calledInSession(execution.id());
      if (called == null && !execution.isNew()) {
        called = calledInDatabase(execution.id());
      }
      if (called != null) {
        cancelInstance(instance(called), reason);
      }
    }
  }

  /** Ends a whole instance without completing it (deleted, terminated by an error). */
  public void cancelInstance(InstanceState instance, String reason) throws SQLException {
    cancelBelow(instance, instance.root(), reason);
    history.instanceEnded(instance.id(), "DELETED", reason);
    attachments.removeRoot(instance);
    Compensation.instanceEnded(this, instance);
    removeVariables(instance);
    instance.root().remove();
  }

  private @Nullable String calledInSession(String superExecutionId) {
    for (InstanceState state : instances.values()) {
      if (superExecutionId.equals(state.root().superExecutionId()) && !state.isEnded()) {
        return state.id();
      }
    }
    return null;
  }

  private @Nullable String calledInDatabase(String superExecutionId) throws SQLException {
    try (PreparedStatement find =
        context
            .connection()
            .prepareStatement("SELECT id FROM bw_execution WHERE super_execution_id = ?")) {
      find.setString(1, superExecutionId);
      try (ResultSet rs = find.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
