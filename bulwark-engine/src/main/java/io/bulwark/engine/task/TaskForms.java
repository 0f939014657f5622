package io.bulwark.engine.task;

import io.bulwark.engine.bpmn.model.FormField;
import io.bulwark.engine.bpmn.model.NodeForm;
import io.bulwark.engine.form.FormValidator;
import io.bulwark.engine.form.NodeForms;
import io.bulwark.engine.runtime.DeployedProcess;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.TaskRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The form of a task's user task ({@link NodeForms}, W10). */
final class TaskForms {

  private TaskForms() {}

  /**
   * The fields of the user task behind {@code task}: its {@code camunda:formField}s, or the inputs
   * of its Camunda Form; empty when none.
   */
  static List<FormField> fields(ProcessRuntime runtime, Connection connection, TaskRow task)
      throws SQLException {
    DeployedProcess process = runtime.definitions().get(connection, task.processDefinitionId());
    return NodeForms.fields(
        runtime.forms(), connection, formOf(process, task), process.deploymentId());
  }

  /** The Camunda Form of the user task behind {@code task}, or null when it has none. */
  static NodeForms.@Nullable Found camundaForm(
      ProcessRuntime runtime, Connection connection, TaskRow task) throws SQLException {
    DeployedProcess process = runtime.definitions().get(connection, task.processDefinitionId());
    return NodeForms.camundaForm(
        runtime.forms(), connection, formOf(process, task), process.deploymentId());
  }

  private static NodeForm formOf(DeployedProcess process, TaskRow task) {
    return NodeForm.of(process.model().node(task.taskDefinitionKey()));
  }

  /** How validation messages name the task. */
  static String owner(String taskId) {
    return "task " + taskId;
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
        owner(task.id()),
        fields(runtime, connection, task),
        submitted,
        runtime.values(),
        name -> true,
        false);
  }
}
