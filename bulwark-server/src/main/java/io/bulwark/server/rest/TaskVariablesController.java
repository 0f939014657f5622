package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.TaskService;
import io.bulwark.server.rest.TaskJson.Completion;
import io.bulwark.server.rest.TaskJson.Modifications;
import io.bulwark.server.rest.variable.VariableJson;
import io.bulwark.server.rest.variable.VariableValueJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's task endpoints that carry variables, in the typed format of {@link VariableJson}:
 * complete, submit-form and resolve, the form variables and the task's variables (its process
 * instance's). A task with form fields takes only its fields, checked by the engine (W10).
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

  @GetMapping(ONE + "/form-variables")
  Map<String, VariableValueJson> formVariables(
      @PathVariable String id, Authentication authentication) {
    return VariableJson.toCamunda(tasks.getFormVariables(Principals.of(authentication), id));
  }

  @GetMapping(ONE + "/variables")
  Map<String, VariableValueJson> variables(@PathVariable String id, Authentication authentication) {
    return VariableJson.toCamunda(tasks.getVariables(Principals.of(authentication), id));
  }

  @PostMapping(ONE + "/variables")
  ResponseEntity<Void> modifyVariables(
      @PathVariable String id, @RequestBody Modifications body, Authentication authentication) {
    List<String> deletions = body.deletions() == null ? List.of() : body.deletions();
    deletions.forEach(VariableJson::checkName);
    VariableJson.checkCount(deletions.size());
    tasks.modifyVariables(
        Principals.of(authentication),
        id,
        VariableJson.toEngine(body.modifications()),
        Set.copyOf(deletions));
    return ResponseEntity.noContent().build();
  }

  @GetMapping(ONE + "/variables/{name}")
  VariableValueJson variable(
      @PathVariable String id, @PathVariable String name, Authentication authentication) {
    VariableJson.checkName(name);
    Map<String, Object> values = tasks.getVariables(Principals.of(authentication), id);
    if (!values.containsKey(name)) {
      throw new NotFoundException("task " + id + " has no variable of that name");
    }
    return VariableJson.valueToCamunda(values.get(name));
  }

  @PutMapping(ONE + "/variables/{name}")
  ResponseEntity<Void> putVariable(
      @PathVariable String id,
      @PathVariable String name,
      @RequestBody JsonNode body,
      Authentication authentication) {
    Map<String, Object> change = new HashMap<>();
    change.put(name, VariableJson.valueToEngine(name, body));
    tasks.setVariables(Principals.of(authentication), id, change);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping(ONE + "/variables/{name}")
  ResponseEntity<Void> deleteVariable(
      @PathVariable String id, @PathVariable String name, Authentication authentication) {
    VariableJson.checkName(name);
    tasks.modifyVariables(Principals.of(authentication), id, Map.of(), Set.of(name));
    return ResponseEntity.noContent().build();
  }

  private static Map<String, Object> variables(Completion body) {
    return body == null ? Map.of() : VariableJson.toEngine(body.variables());
  }
}
