package io.bulwark.engine.task;

import io.bulwark.engine.api.CamundaFormView;
import io.bulwark.engine.api.TaskFormField;
import io.bulwark.engine.bpmn.model.CamundaFormRef;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.FormField;
import io.bulwark.engine.bpmn.model.UserTask;
import io.bulwark.engine.form.DeployedForm;
import io.bulwark.engine.runtime.DeployedProcess;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.TaskRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The form fields a task's model declares (W10), and their API view. */
final class TaskForms {

  private TaskForms() {}

  /**
   * The fields of the user task behind {@code task}: its {@code camunda:formField}s, or the inputs
   * of its Camunda Form; empty when none.
   */
  static List<FormField> fields(ProcessRuntime runtime, Connection connection, TaskRow task)
      throws SQLException {
    DeployedProcess process = runtime.definitions().get(connection, task.processDefinitionId());
    FlowNode node = process.model().node(task.taskDefinitionKey());
    if (!(node instanceof UserTask userTask)) {
      return List.of();
    }
    CamundaFormRef ref = userTask.spec().camundaForm();
    return ref == null
        ? userTask.spec().formFields()
        : runtime.forms().find(connection, ref, process.deploymentId()).form().fields();
  }

  /** A Camunda Form and how the model names it. */
  record CamundaFormOfTask(CamundaFormRef ref, DeployedForm form) {}

  /** The Camunda Form of the user task behind {@code task}, or null when it has none. */
  static CamundaFormOfTask camundaForm(ProcessRuntime runtime, Connection connection, TaskRow task)
      throws SQLException {
    DeployedProcess process = runtime.definitions().get(connection, task.processDefinitionId());
    FlowNode node = process.model().node(task.taskDefinitionKey());
    CamundaFormRef ref = node instanceof UserTask userTask ? userTask.spec().camundaForm() : null;
    return ref == null
        ? null
        : new CamundaFormOfTask(ref, runtime.forms().find(connection, ref, process.deploymentId()));
  }

  static CamundaFormView view(CamundaFormOfTask found) {
    CamundaFormRef ref = found.ref();
    DeployedForm form = found.form();
    return new CamundaFormView(
        form.form().id(),
        form.version(),
        ref.binding().name().toLowerCase(java.util.Locale.ROOT),
        ref.resourceName() == null
            ? null
            : CamundaFormRef.DEPLOYMENT_KEY_PREFIX + ref.resourceName(),
        form.resourceName(),
        form.form().json());
  }

  /**
   * Refuses changes saved through a task (its variables or local variables) that its form does not
   * allow (W10): only its fields, each checked; a deletion counts as the field submitted empty.
   * Required fields may still be missing: that is checked on completion.
   */
  static void checkSaved(
      ProcessRuntime runtime,
      Connection connection,
      TaskRow task,
      Map<String, Object> changes,
      Collection<String> deletions)
      throws SQLException {
    Map<String, Object> submitted = new HashMap<>(changes);
    deletions.forEach(name -> submitted.put(name, null));
    FormValidator.validate(
        task.id(),
        fields(runtime, connection, task),
        submitted,
        runtime.values(),
        name -> true,
        false);
  }

  static List<TaskFormField> views(List<FormField> fields) {
    return fields.stream().map(TaskForms::view).toList();
  }

  private static TaskFormField view(FormField field) {
    return new TaskFormField(
        field.id(),
        field.label(),
        field.type(),
        field.defaultValue(),
        has(field, "required"),
        has(field, "readonly"),
        config(field, "minlength"),
        config(field, "maxlength"),
        config(field, "min"),
        config(field, "max"),
        field.enumValues().stream()
            .map(v -> new TaskFormField.EnumValue(v.id(), v.name()))
            .toList(),
        pattern(field));
  }

  static boolean has(FormField field, String constraint) {
    return field.constraints().stream().anyMatch(c -> constraint.equals(c.name()));
  }

  /** The regular expression of a pattern constraint, or null when absent. */
  static String pattern(FormField field) {
    return field.constraints().stream()
        .filter(c -> "pattern".equals(c.name()))
        .map(FormField.Constraint::config)
        .findFirst()
        .orElse(null);
  }

  /** The integer config of a constraint (checked at deployment), or null when absent. */
  static Long config(FormField field, String constraint) {
    return field.constraints().stream()
        .filter(
            c -> constraint.equals(c.name()) && c.config() != null && !"pattern".equals(c.name()))
        .map(c -> Long.valueOf(c.config()))
        .findFirst()
        .orElse(null);
  }
}
