package io.bulwark.engine.runtime;

import io.bulwark.engine.api.spi.BpmnErrorException;
import io.bulwark.engine.api.spi.DelegateExecution;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.ServiceImplementation;
import io.bulwark.engine.bpmn.model.ServiceTask;
import io.bulwark.engine.externaltask.ExternalTasks;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * External topic: creates the external task through {@link ExternalTasks#create} and waits until a
 * worker completes it ({@link ProcessRuntime#leaveActivity}) or reports a BPMN error ({@link
 * ProcessRuntime#throwBpmnError}). Java delegate (embedded, allowlisted): runs it in the command's
 * transaction and continues.
 */
final class ServiceTaskBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    ServiceTask task = (ServiceTask) node;
    if (task.implementation() instanceof ServiceImplementation.ExternalTopic topic) {
      ExternalTaskWork.create(session, instance, execution, node, topic);
      return;
    }
    var delegate = (ServiceImplementation.JavaDelegate) task.implementation();
    Map<String, Object> variables = session.variables(instance, execution);
    Adapter adapter = new Adapter(instance, execution, variables);
    try {
      session.runtime().delegates().get(delegate.className()).execute(adapter);
    } catch (BpmnErrorException e) {
      session.setVariables(instance, execution, adapter.changes);
      ErrorPropagation.fromActivity(session, instance, execution, e.errorCode(), e.getMessage());
      return;
    }
    session.setVariables(instance, execution, adapter.changes);
    session.leave(instance, execution);
  }

  private static final class Adapter implements DelegateExecution {
    private final InstanceState instance;
    private final Execution execution;
    private final Map<String, Object> variables;
    private final Map<String, Object> changes = new java.util.LinkedHashMap<>();

    Adapter(InstanceState instance, Execution execution, Map<String, Object> variables) {
      this.instance = instance;
      this.execution = execution;
      this.variables = new java.util.LinkedHashMap<>(variables);
    }

    @Override
    public String processInstanceId() {
      return instance.id();
    }

    @Override
    public String activityId() {
      return Objects.requireNonNull(execution.activityId(), "a service task runs at its node");
    }

    @Override
    public @Nullable String businessKey() {
      return instance.root().businessKey();
    }

    @Override
    public @Nullable Object getVariable(String name) {
      return variables.get(name);
    }

    @Override
    public Map<String, Object> getVariables() {
      return java.util.Collections.unmodifiableMap(variables);
    }

    @Override
    public void setVariable(String name, Object value) {
      variables.put(name, value);
      changes.put(name, value);
    }
  }
}
