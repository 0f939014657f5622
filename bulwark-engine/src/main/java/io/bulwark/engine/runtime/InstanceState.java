package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.ProcessModel;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.command.UnitOfWork;
import io.bulwark.engine.expression.VariableLookup;
import io.bulwark.engine.variable.TypedValue;
import io.bulwark.engine.variable.VariableRow;
import io.bulwark.engine.variable.VariableRows;
import io.bulwark.engine.variable.VariableScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One process instance as one command sees it: every execution (loaded with one query after the
 * root row is locked, or created here) and, loaded on first use, the instance's variables. Process
 * variables live on the root execution's scope. Not thread-safe: belongs to one command.
 */
public final class InstanceState {

  private final DeployedProcess process;
  private final Map<String, Execution> executions = new LinkedHashMap<>();
  private final UnitOfWork work;
  private final Execution root;
  private Map<String, VariableRow> variables;

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
  public Execution execution(String executionId) {
    Execution execution = executions.get(executionId);
    return execution == null || execution.isRemoved() ? null : execution;
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

  boolean variablesLoaded() {
    return variables != null;
  }

  void loadVariables(Map<String, VariableRow> rows) {
    this.variables = new LinkedHashMap<>(rows);
  }

  /** Variables as typed values; {@link #loadVariables} must have run. */
  Map<String, TypedValue> typedVariables() {
    Map<String, TypedValue> result = new LinkedHashMap<>();
    variables.forEach((name, row) -> result.put(name, VariableRows.toValue(row)));
    return result;
  }

  Set<String> variableNames() {
    return variables.keySet();
  }

  /** Sets one process variable; returns the row as it will be written. */
  VariableRow setVariable(String name, TypedValue value) {
    VariableRow current = variables.get(name);
    VariableScope scope = VariableScope.execution(root.id(), root.id());
    VariableRow row;
    if (current == null) {
      row = VariableRows.toRow(RowIds.next(), scope, name, value, 1);
      work.insert(VariableRows.WRITER, row);
    } else {
      row = VariableRows.toRow(current.id(), scope, name, value, current.rev() + 1);
      work.update(VariableRows.WRITER, row, current.rev());
    }
    variables.put(name, row);
    return row;
  }

  /** Removes one process variable; whether it existed (the variables must be loaded). */
  boolean removeVariable(String name) {
    VariableRow row = variables.remove(name);
    if (row == null) {
      return false;
    }
    work.delete(VariableRows.WRITER, row.id(), row.rev());
    return true;
  }

  /** Removes every variable row of the instance (the variables must be loaded). */
  void removeVariables() {
    for (VariableRow row : variables.values()) {
      work.delete(VariableRows.WRITER, row.id(), row.rev());
    }
    variables.clear();
  }

  /** A lookup for expressions over the given Java values. */
  static VariableLookup lookup(Map<String, Object> javaValues) {
    return VariableLookup.of(javaValues);
  }
}
