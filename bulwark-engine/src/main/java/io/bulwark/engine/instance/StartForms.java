package io.bulwark.engine.instance;

import io.bulwark.engine.bpmn.model.NodeForm;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.form.FormValidator;
import io.bulwark.engine.form.NodeForms;
import io.bulwark.engine.runtime.DeployedProcess;
import io.bulwark.engine.runtime.ProcessRuntime;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** The start form of a process: the form of its none start event ({@link NodeForms}, W10). */
final class StartForms {

  private StartForms() {}

  static NodeForm of(DeployedProcess process) {
    StartEvent start = process.model().noneStartEvent(process.key());
    return start == null ? NodeForm.NONE : start.form();
  }

  /**
   * Refuses a start whose variables break the start form of {@code start} (W10): only its fields,
   * each checked, required ones present; nothing is stored before. Without a form any variables are
   * accepted.
   */
  static void check(
      ProcessRuntime runtime,
      Connection connection,
      DeployedProcess process,
      StartEvent start,
      Map<String, Object> variables)
      throws SQLException {
    FormValidator.validate(
        "the start form of process " + process.key(),
        NodeForms.fields(runtime.forms(), connection, start.form(), process.deploymentId()),
        variables,
        runtime.values(),
        name -> false,
        true);
  }
}
