package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.ProcessModel;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.command.UnitOfWork;
import io.bulwark.engine.expression.VariableLookup;
import io.bulwark.engine.variable.TypedValue;
import io.bulwark.engine.variable.VariableRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One process instance as one command sees it: every execution (loaded with one query after the
 * root row is locked, or created here) and, loaded on first use, the instance's variables. Process
 * variables live on the root execution's scope, local ones on the execution of their activity
 * ({@link ScopedVariables}). Not thread-safe: belongs to one command.
 */
public final class InstanceState {

  private final DeployedProcess process;
  private final Map<String, Execution> executions = new LinkedHashMap<>();
  private final UnitOfWork work;
  private final Execution root;
  private @Nullable ScopedVariables variables;
  private @Nullable CompensationSubscriptions compensations;

  InstanceState(DeployedProcess process, List<Execution> all, UnitOfWork work) {
    this.process = process;
    this.work = work;
    Execution top = null;
    for (Execution execution : all) {
      execution.attach(work);
      executions.put(execution.id(), execution);
      if (execution.isRoot()) {
        top = execution;
      }
    }
    if (top == null) {
      throw new IllegalStateException("process instance without a root execution");
    }
    this.root = top;
  }

  public DeployedProcess process() {
    return process;
  }

  public ProcessModel model() {
    return process.model();
  }

  public Execution root() {
    return root;
  }

  public String id() {
    return root.id();
  }

  public boolean isEnded() {
    return root.isRemoved();
  }

  /** The live execution with this id, or null. */
  public @Nullable Execution execution(@Nullable String executionId) {
    if (executionId == null) {
      return null;
    }
    Execution execution = executions.get(executionId);
    return execution == null || execution.isRemoved() ? null : execution;
  }

  /** The live parent of {@code child}, which must not be the root. */
  Execution parentOf(Execution child) {
    Execution parent = execution(child.parentId());
    if (parent == null) {
      throw new IllegalStateException("execution " + child.id() + " has no live parent");
    }
    return parent;
  }

  /** Live executions in creation order. */
  public List<Execution> executions() {
    return executions.values().stream().filter(e -> !e.isRemoved()).toList();
  }

  /** Live direct children of an execution. */
  public List<Execution> children(Execution parent) {
    List<Execution> result = new ArrayList<>();
    for (Execution execution : executions.values()) {
      if (!execution.isRemoved() && parent.id().equals(execution.parentId())) {
        result.add(execution);
      }
    }
    return result;
  }

  /** Live descendants of an execution, deepest first. */
  public List<Execution> descendants(Execution parent) {
    List<Execution> result = new ArrayList<>();
    for (Execution child : children(parent)) {
      result.addAll(descendants(child));
      result.add(child);
    }
    return result;
  }

  /** A new token below {@code parent}. */
  Execution createChild(Execution parent) {
    ExecutionRow row =
        new ExecutionRow(
            RowIds.next(),
            root.id(),
            parent.id(),
            process.definitionId(),
            null,
            null,
            true,
            false,
            false,
            null,
            root.tenantId(),
            null,
            null,
            null,
            1);
    Execution child = new Execution(row, Execution.State.NEW);
    child.attach(work);
    executions.put(child.id(), child);
    return child;
  }

  private boolean suspended;

  /** Whether the instance was suspended when this command locked it. */
  public boolean suspended() {
    return suspended;
  }

  void suspended(boolean value) {
    this.suspended = value;
  }

  /** The compensation subscriptions, or null before they are first used. */
  @Nullable CompensationSubscriptions compensationsIfLoaded() {
    return compensations;
  }

  /** The compensation subscriptions, loaded on first use (none for a new instance). */
  CompensationSubscriptions compensations(java.sql.Connection connection)
      throws java.sql.SQLException {
    CompensationSubscriptions loaded = compensations;
    if (loaded == null) {
      loaded =
          root.isNew()
              ? CompensationSubscriptions.empty(root.id(), work)
              : CompensationSubscriptions.load(connection, root.id(), work);
      compensations = loaded;
    }
    return loaded;
  }

  boolean variablesLoaded() {
    return variables != null;
  }

  /** Takes the instance's execution-scoped variable rows (every scope, process and local). */
  void loadVariables(
      java.util.Collection<VariableRow> rows,
      io.bulwark.engine.variable.SensitiveFields sensitive) {
    this.variables =
        new ScopedVariables(root.id(), work, rows, sensitive, process.model().sensitiveVariables());
  }

  private ScopedVariables loadedVariables() {
    ScopedVariables loaded = variables;
    if (loaded == null) {
      throw new IllegalStateException("the variables of instance " + id() + " are not loaded");
    }
    return loaded;
  }

  /** Process variables (the root scope) as typed values; {@link #loadVariables} must have run. */
  Map<String, TypedValue> typedVariables() {
    return loadedVariables().visible(List.of(root));
  }

  /** Variables visible from {@code execution}: its own, its scopes' and the process's. */
  Map<String, TypedValue> typedVariables(Execution execution) {
    return loadedVariables().visible(chain(execution));
  }

  /** Names of the process variables (the root scope). */
  Set<String> variableNames() {
    return loadedVariables().local(root.id()).keySet();
  }

  /** Names of the variables of one execution's own scope. */
  Set<String> localVariableNames(Execution execution) {
    return loadedVariables().local(execution.id()).keySet();
  }

  /** Sets one process variable; returns the row as it will be written. */
  VariableRow setVariable(String name, TypedValue value) {
    return loadedVariables().set(root.id(), name, value);
  }

  /** Sets a variable on {@code execution}'s own scope (a local variable). */
  VariableRow setLocalVariable(Execution execution, String name, TypedValue value) {
    return loadedVariables().set(execution.id(), name, value);
  }

  /**
   * The execution whose scope a non-local set from {@code from} writes {@code name} to: the nearest
   * one, from {@code from} up to the root, that has the name; else the root.
   */
  Execution variableOwner(Execution from, String name) {
    return loadedVariables().owner(chain(from), name);
  }

  /** Removes the local variables of one execution (it leaves its activity or is cancelled). */
  void removeLocalVariables(Execution execution) {
    loadedVariables().removeScope(execution.id());
  }

  /** Removes one process variable; whether it existed (the variables must be loaded). */
  boolean removeVariable(String name) {
    return loadedVariables().remove(root.id(), name);
  }

  /** Removes every variable row of the instance (the variables must be loaded). */
  void removeVariables() {
    loadedVariables().removeAll();
  }

  /** {@code execution} and its ancestors up to the root, nearest first. */
  List<Execution> chain(Execution execution) {
    List<Execution> chain = new ArrayList<>();
    Execution current = execution;
    while (current != null) {
      chain.add(current);
      current = current.parentId() == null ? null : executions.get(current.parentId());
    }
    return chain;
  }

  /** A lookup for expressions over the given Java values. */
  static VariableLookup lookup(Map<String, Object> javaValues) {
    return VariableLookup.of(javaValues);
  }
}
