package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.TaskService;
import io.bulwark.server.rest.TaskJson.Completion;
import io.bulwark.server.rest.TaskJson.Modifications;
import io.bulwark.server.rest.variable.VariableJson;
import io.bulwark.server.rest.variable.VariableValueJson;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's task endpoints that carry variables, in the typed format of {@link VariableJson}:
 * complete, submit-form and resolve, the form variables, the task's variables (its local ones over
 * its process instance's) and its local variables (kept on the task's own scope, ended with it). A
 * task with form fields takes only its fields, checked by the engine (W10).
 */
@RestController
final class TaskVariablesController {

  private static final String ONE = RestPaths.BASE + "/task/{id}";

  private final TaskService tasks;

  TaskVariablesController(BulwarkEngine engine) {
    this.tasks = engine.taskService();
  }

  @PostMapping(ONE + "/resolve")
  ResponseEntity<Void> resolve(
      @PathVariable String id,
      @RequestBody(required = false) Completion body,
      Authentication authentication) {
    tasks.resolve(Principals.of(authentication), id, variables(body));
    return ResponseEntity.noContent().build();
  }

  @PostMapping({ONE + "/complete", ONE + "/submit-form"})
  ResponseEntity<Map<String, VariableValueJson>> complete(
      @PathVariable String id,
      @RequestBody(required = false) Completion body,
      Authentication authentication) {
    if (body != null && body.variablesInReturn()) {
      return ResponseEntity.ok(
          VariableJson.toCamunda(
              tasks.completeWithVariablesInReturn(
                  Principals.of(authentication), id, variables(body))));
    }
    tasks.complete(Principals.of(authentication), id, variables(body));
    return ResponseEntity.noContent().build();
  }

  /** {@code deserializeValues} is taken and ignored: no value is a serialized Java object (E4). */
  @GetMapping(ONE + "/form-variables")
  Map<String, VariableValueJson> formVariables(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable Boolean deserializeValues,
      Authentication authentication) {
    return VariableJson.toCamunda(tasks.getFormVariables(Principals.of(authentication), id));
  }

  @GetMapping({ONE + "/variables", ONE + "/localVariables"})
  Map<String, VariableValueJson> variables(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable Boolean deserializeValues,
      HttpServletRequest request,
      Authentication authentication) {
    return VariableJson.toCamunda(read(request, id, authentication));
  }

  @PostMapping({ONE + "/variables", ONE + "/localVariables"})
  ResponseEntity<Void> modifyVariables(
      @PathVariable String id,
      @RequestBody Modifications body,
      HttpServletRequest request,
      Authentication authentication) {
    modify(
        request, id, VariableJson.toEngine(body.modifications()), deletions(body), authentication);
    return ResponseEntity.noContent().build();
  }

  @GetMapping({ONE + "/variables/{name}", ONE + "/localVariables/{name}"})
  VariableValueJson variable(
      @PathVariable String id,
      @PathVariable String name,
      @RequestParam(required = false) @Nullable Boolean deserializeValue,
      HttpServletRequest request,
      Authentication authentication) {
    return one(read(request, id, authentication), id, name);
  }

  @PutMapping({ONE + "/variables/{name}", ONE + "/localVariables/{name}"})
  ResponseEntity<Void> putVariable(
      @PathVariable String id,
      @PathVariable String name,
      @RequestBody JsonNode body,
      HttpServletRequest request,
      Authentication authentication) {
    modify(request, id, change(name, body), Set.of(), authentication);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping({ONE + "/variables/{name}", ONE + "/localVariables/{name}"})
  ResponseEntity<Void> deleteVariable(
      @PathVariable String id,
      @PathVariable String name,
      HttpServletRequest request,
      Authentication authentication) {
    VariableJson.checkName(name);
    modify(request, id, Map.of(), Set.of(name), authentication);
    return ResponseEntity.noContent().build();
  }

  /**
   * Whether the request is for the task's local variables: decided by the mapping pattern that
   * matched (a code constant above), never by the raw path.
   */
  private static boolean local(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return pattern != null && pattern.toString().startsWith(ONE + "/localVariables");
  }

  private Map<String, Object> read(
      HttpServletRequest request, String id, Authentication authentication) {
    return local(request)
        ? tasks.getLocalVariables(Principals.of(authentication), id)
        : tasks.getVariables(Principals.of(authentication), id);
  }

  private void modify(
      HttpServletRequest request,
      String id,
      Map<String, Object> changes,
      Set<String> deletions,
      Authentication authentication) {
    if (local(request)) {
      tasks.modifyLocalVariables(Principals.of(authentication), id, changes, deletions);
    } else {
      tasks.modifyVariables(Principals.of(authentication), id, changes, deletions);
    }
  }

  /** One variable of {@code values}; a name the task does not see is not found. */
  private static VariableValueJson one(Map<String, Object> values, String id, String name) {
    VariableJson.checkName(name);
    if (!values.containsKey(name)) {
      throw new NotFoundException("task " + id + " has no variable of that name");
    }
    return VariableJson.valueToCamunda(values.get(name));
  }

  private static Map<String, Object> change(String name, JsonNode body) {
    Map<String, Object> change = new HashMap<>();
    change.put(name, VariableJson.valueToEngine(name, body));
    return change;
  }

  /** The checked names of a modification's {@code deletions} (W11). */
  private static Set<String> deletions(Modifications body) {
    List<String> deletions = body.deletions() == null ? List.of() : body.deletions();
    deletions.forEach(VariableJson::checkName);
    VariableJson.checkCount(deletions.size());
    return Set.copyOf(deletions);
  }

  private static Map<String, Object> variables(Completion body) {
    return body == null ? Map.of() : VariableJson.toEngine(body.variables());
  }
}
