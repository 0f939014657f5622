package io.bulwark.engine.task;

import io.bulwark.engine.api.ValidationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The variables one request sets and removes: copies, and a name in both is refused. */
record VariableModifications(Map<String, Object> changes, Set<String> deletions) {

  static VariableModifications of(
      @Nullable Map<String, Object> changes, @Nullable Set<String> deletions) {
    Map<String, Object> copy = new HashMap<>(changes == null ? Map.of() : changes);
    Set<String> removed = deletions == null ? Set.of() : Set.copyOf(deletions);
    for (String name : removed) {
      if (copy.containsKey(name)) {
        throw ValidationException.of(
            name, "modify-or-delete", "variable '" + name + "' is both modified and deleted");
      }
    }
    return new VariableModifications(copy, removed);
  }
}
