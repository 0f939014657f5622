package io.bulwark.engine.deployment;

import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.bpmn.model.CamundaFormRef;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.NodeForm;
import io.bulwark.engine.bpmn.model.ProcessModel;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.command.UnitOfWork;
import io.bulwark.engine.form.CamundaForm;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Camunda Forms of a deployment (issue 15, W10): every {@code .form} resource was read and
 * checked by the form reader; here two forms with one id are refused, a form resource named by
 * {@code camunda-forms:deployment:NAME.form} must be in this deployment (it can be nowhere else),
 * and each form gets the next version of its id. A form named by {@code camunda:formRef} is found
 * when it is used, as in Camunda 7 (binding latest, deployment or version): until it is deployed,
 * the task or start form cannot be submitted (W10, {@code NodeForms}).
 */
final class FormDeployment {

  private final DeploymentRepository repository;
  private final Map<String, CamundaForm> forms;

  /**
   * @param forms the read forms by resource name
   */
  FormDeployment(DeploymentRepository repository, Map<String, CamundaForm> forms) {
    this.repository = repository;
    this.forms = forms;
  }

  /** Adds a problem for every form resource of this deployment that a node names and is missing. */
  void check(Iterable<ProcessModel> models, String resourceOfModels, List<Problem> problems) {
    for (ProcessModel model : models) {
      for (FlowNode node : model.nodes().values()) {
        CamundaFormRef ref = NodeForm.of(node).camundaForm();
        if (ref != null && ref.resourceName() != null && !forms.containsKey(ref.resourceName())) {
          problems.add(
              new Problem(
                  resourceOfModels,
                  node.id(),
                  node.line(),
                  ref.describe()
                      + " is not in this deployment; deploy the .form resource with the model"
                      + " (W10)"));
        }
      }
    }
  }

  /** Problems of two forms of this deployment with one id. */
  List<Problem> duplicates() {
    Map<String, String> byId = new HashMap<>();
    return forms.entrySet().stream()
        .filter(e -> byId.putIfAbsent(e.getValue().id(), e.getKey()) != null)
        .map(
            e ->
                new Problem(
                    e.getKey(),
                    null,
                    0,
                    "form id '"
                        + e.getValue().id()
                        + "' is also the id of "
                        + byId.get(e.getValue().id())
                        + "; one form per id in a deployment"))
        .toList();
  }

  /** Writes one form definition per form resource. */
  void write(UnitOfWork work, String deploymentId, @Nullable String tenantId) throws SQLException {
    for (Map.Entry<String, CamundaForm> entry : forms.entrySet()) {
      String id = entry.getValue().id();
      work.insert(
          DeploymentRows.FORM,
          new ProcessDefinition(
              RowIds.next(),
              id,
              repository.latestFormVersion(id) + 1,
              null,
              deploymentId,
              entry.getKey(),
              tenantId,
              false));
    }
  }
}
