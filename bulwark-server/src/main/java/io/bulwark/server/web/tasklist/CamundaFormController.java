package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.TaskService;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.web.WebUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Completes a task with the data of its Camunda Form, posted as JSON by {@code camunda-form.js}
 * with the CSRF token in its header (W2). The engine checks the data against the deployed form
 * before anything is stored (W10): a refusal answers 400 naming the field, its rules and sentences
 * to show next to it; the page keeps the user's input.
 */
@RestController
final class CamundaFormController {

  /** The most values one submission may carry. */
  static final int MAX_VALUES = 500;

  private final TaskService tasks;

  CamundaFormController(BulwarkEngine engine) {
    this.tasks = engine.taskService();
  }

  /** The answer: where to go next, or why the form was refused. */
  record Answer(
      @Nullable String redirect,
      @Nullable String field,
      List<String> rules,
      List<String> messages) {}

  @PostMapping(
      value = TaskPageController.TASK + "/camunda-form",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Answer> complete(
      @PathVariable String taskId, @RequestBody JsonNode body, Authentication authentication) {
    Principal principal = WebUser.principal(authentication);
    try {
      tasks.complete(principal, taskId, values(body));
      return ResponseEntity.ok(new Answer("/app/tasklist?completed", null, List.of(), List.of()));
    } catch (ValidationException refused) {
      List<String> messages =
          tasks.getFormFields(principal, taskId).stream()
              .filter(f -> f.id().equals(refused.field()))
              .findFirst()
              .map(f -> TaskFormBinding.sentences(f, refused))
              .orElse(List.of("The form sent a value that is not one of its fields."));
      return ResponseEntity.badRequest()
          .body(new Answer(null, refused.field(), refused.rules(), messages));
    }
  }

  /**
   * The submitted data as variables: strings, whole numbers (long), other numbers (double),
   * booleans, nulls and lists of those; a nested object is refused (forms have flat keys).
   */
  static Map<String, Object> values(JsonNode body) {
    if (body == null || !body.isObject() || body.size() > MAX_VALUES) {
      throw new ValidationException(
          "the form data must be a JSON object of at most " + MAX_VALUES + " values");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : body.properties()) {
      JsonNode value = entry.getValue();
      if (value.isArray()) {
        List<Object> items = new ArrayList<>();
        for (JsonNode item : value) {
          items.add(scalar(entry.getKey(), item));
        }
        values.put(entry.getKey(), items);
      } else {
        values.put(entry.getKey(), scalar(entry.getKey(), value));
      }
    }
    return values;
  }

  private static @Nullable Object scalar(String name, JsonNode value) {
    if (value.isNull()) {
      return null;
    } else if (value.isString()) {
      return value.asString();
    } else if (value.isBoolean()) {
      return value.asBoolean();
    } else if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    } else if (value.isNumber()) {
      return value.asDouble();
    }
    throw ValidationException.of(
        name, "type", "form value '" + name + "' must be a string, number, boolean or list (W10)");
  }
}
