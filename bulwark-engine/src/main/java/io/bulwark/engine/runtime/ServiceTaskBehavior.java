package io.bulwark.engine.runtime;

import io.bulwark.engine.api.spi.BpmnErrorException;
import io.bulwark.engine.api.spi.DelegateExecution;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.ServiceImplementation;
import io.bulwark.engine.bpmn.model.ServiceTask;
import io.bulwark.engine.expression.Expression;
import io.bulwark.engine.externaltask.ExternalTasks;
import io.bulwark.engine.externaltask.NewExternalTask;
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

  /** The longest topic an expression may give (the column's size). */
  static final int MAX_TOPIC_LENGTH = 255;

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    ServiceTask task = (ServiceTask) node;
    if (task.implementation() instanceof ServiceImplementation.ExternalTopic topic) {
      createExternalTask(session, instance, execution, node, topic);
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

  /** The topic, or what its expression evaluates to now: a text of 1 to 255 characters. */
  /**
   * Creates the external task that {@code execution} waits at {@code node} for (a service, send or
   * mail task, or a message throw or end event of {@code camunda:type="external"}).
   */
  static void createExternalTask(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      FlowNode node,
      ServiceImplementation.ExternalTopic topic)
      throws SQLException {
    DeployedProcess process = instance.process();
    String taskId =
        ExternalTasks.create(
            session.context(),
            new NewExternalTask(
                topic(session, instance, execution, topic),
                execution.id(),
                instance.id(),
                process.definitionId(),
                process.key(),
                node.id(),
                instance.root().businessKey(),
                0,
                instance.root().tenantId()));
    session.attachments().createdExternalTask(execution.id(), taskId);
    // Wakes waiting fetchAndLock requests once the task is visible to them.
    session.context().unitOfWork().afterCommit(session.runtime().externalTaskSignal());
  }

  private static String topic(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      ServiceImplementation.ExternalTopic topic)
      throws SQLException {
    Expression expression = topic.expression();
    if (expression == null) {
      return topic.topic();
    }
    String activityId = Objects.requireNonNull(execution.activityId(), "a task runs at its node");
    Object value = session.evaluate(instance, execution, expression, activityId);
    if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_TOPIC_LENGTH) {
      throw new ProcessExecutionException(
          "camunda:topic '"
              + topic.topic()
              + "' of "
              + activityId
              + " must evaluate to a text of 1 to "
              + MAX_TOPIC_LENGTH
              + " characters, not "
              + (value instanceof String shown ? shown.length() + " characters" : describe(value)));
    }
    return text;
  }

  private static String describe(@Nullable Object value) {
    return value == null ? "null" : "a " + value.getClass().getSimpleName();
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
