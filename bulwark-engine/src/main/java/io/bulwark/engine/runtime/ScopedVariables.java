package io.bulwark.engine.runtime;

import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.command.UnitOfWork;
import io.bulwark.engine.variable.SensitiveFields;
import io.bulwark.engine.variable.TypedValue;
import io.bulwark.engine.variable.VariableRow;
import io.bulwark.engine.variable.VariableRows;
import io.bulwark.engine.variable.VariableScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The execution-scoped variables of one process instance, by scope: the root execution holds the
 * process variables; an execution at an activity with {@code camunda:inputOutput} or a
 * multi-instance activity holds local ones ({@code bw_variable.scope_id} is that execution's id)
 * until it leaves the activity. A name resolves at the nearest scope that has it, walking from an
 * execution up to the root, as in Camunda. Not thread-safe: belongs to one command.
 */
final class ScopedVariables {

  private final String instanceId;
  private final UnitOfWork work;
  private final Map<String, Map<String, VariableRow>> byScope = new LinkedHashMap<>();
  private final SensitiveFields sensitive;
  private final Set<String> sensitiveNames;

  /**
   * @param sensitive seals the values of sensitive names as they are set and opens them as they are
   *     read (D1)
   * @param sensitiveNames the names the instance's process model marks sensitive
   */
  ScopedVariables(
      String instanceId,
      UnitOfWork work,
      Collection<VariableRow> rows,
      SensitiveFields sensitive,
      Set<String> sensitiveNames) {
    this.instanceId = instanceId;
    this.work = work;
    this.sensitive = sensitive;
    this.sensitiveNames = sensitiveNames;
    for (VariableRow row : rows) {
      byScope.computeIfAbsent(row.scopeId(), k -> new LinkedHashMap<>()).put(row.name(), row);
    }
  }

  /** The rows of one scope by name (empty when it has none); do not modify. */
  Map<String, VariableRow> local(String scopeId) {
    return byScope.getOrDefault(scopeId, Map.of());
  }

  /**
   * The variables visible from {@code chain} (the execution first, the root last): nearer scopes
   * hide the same name further up.
   */
  Map<String, TypedValue> visible(List<Execution> chain) {
    Map<String, TypedValue> result = new LinkedHashMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      local(chain.get(i).id()).forEach((name, row) -> result.put(name, sensitive.valueOf(row)));
    }
    return result;
  }

  /** The scope in {@code chain} that has {@code name}, else the last one (the root). */
  Execution owner(List<Execution> chain, String name) {
    for (Execution scope : chain) {
      if (local(scope.id()).containsKey(name)) {
        return scope;
      }
    }
    return chain.get(chain.size() - 1);
  }

  /** Sets one variable on {@code scopeId}; returns the row as it will be written. */
  VariableRow set(String scopeId, String name, TypedValue value) {
    Map<String, VariableRow> scope = byScope.computeIfAbsent(scopeId, k -> new LinkedHashMap<>());
    VariableRow current = scope.get(name);
    VariableScope where = VariableScope.execution(scopeId, instanceId);
    VariableRow row;
    if (current == null) {
      row =
          sensitive.protect(
              VariableRows.toRow(RowIds.next(), where, name, value, 1), sensitiveNames);
      work.insert(VariableRows.WRITER, row);
    } else {
      row =
          sensitive.protect(
              VariableRows.toRow(current.id(), where, name, value, current.rev() + 1),
              sensitiveNames);
      work.update(VariableRows.WRITER, row, current.rev());
    }
    scope.put(name, row);
    return row;
  }

  /** Deletes one variable of a scope; whether it existed. */
  boolean remove(String scopeId, String name) {
    Map<String, VariableRow> scope = byScope.get(scopeId);
    VariableRow row = scope == null ? null : scope.remove(name);
    if (row == null) {
      return false;
    }
    work.delete(VariableRows.WRITER, row.id(), row.rev());
    return true;
  }

  /** Deletes every variable of one scope (an execution leaving its activity). */
  void removeScope(String scopeId) {
    Map<String, VariableRow> scope = byScope.remove(scopeId);
    if (scope != null) {
      for (VariableRow row : scope.values()) {
        work.delete(VariableRows.WRITER, row.id(), row.rev());
      }
    }
  }

  /** Deletes every variable of the instance. */
  void removeAll() {
    for (String scopeId : new ArrayList<>(byScope.keySet())) {
      removeScope(scopeId);
    }
  }
}
