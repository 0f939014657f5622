package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.CamundaFormView;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.TaskService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model of a task page whose form is a Camunda Form: the form JSON as deployed and the current
 * values of its fields, both put into data attributes (output encoded) for {@code camunda-form.js},
 * which renders them with the form-js viewer (a static asset, W3).
 */
final class CamundaFormPage {

  /** Shown when a Camunda Form is posted as a plain form, i.e. without JavaScript. */
  static final String NEEDS_SCRIPT =
      "This task's form is a Camunda Form, which needs JavaScript: turn it on to complete the task.";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CamundaFormPage() {}

  /**
   * Adds {@code camundaForm} and {@code camundaValues} when the task has a Camunda Form.
   *
   * @return whether it has one
   */
  static boolean add(
      Model model,
      TaskService tasks,
      Principal principal,
      String taskId,
      Map<String, Object> variables) {
    Optional<CamundaFormView> form = tasks.getCamundaForm(principal, taskId);
    if (form.isEmpty()) {
      return false;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    tasks.getFormFields(principal, taskId).stream()
        .filter(f -> shown(variables.get(f.id())))
        .forEach(f -> values.put(f.id(), variables.get(f.id())));
    model.addAttribute("camundaForm", form.get().json());
    model.addAttribute("camundaValues", JSON.writeValueAsString(values));
    return true;
  }

  /** Values the viewer can show: strings, numbers, booleans and lists of them. */
  private static boolean shown(@Nullable Object value) {
    return value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || (value instanceof List<?> list && list.stream().allMatch(CamundaFormPage::shown));
  }
}
