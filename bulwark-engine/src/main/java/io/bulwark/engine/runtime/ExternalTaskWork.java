package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.ServiceImplementation;
import io.bulwark.engine.expression.Expression;
import io.bulwark.engine.externaltask.ExternalTasks;
import io.bulwark.engine.externaltask.NewExternalTask;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The external task an execution waits for at a node: a service, send or mail task, or a message
 * throw or end event of {@code camunda:type="external"}; a worker completes it ({@link
 * ProcessRuntime#leaveActivity}) or reports a BPMN error ({@link ProcessRuntime#throwBpmnError}).
 */
final class ExternalTaskWork {

  /** The longest topic an expression may give (the column's size). */
  static final int MAX_TOPIC_LENGTH = 255;

  private ExternalTaskWork() {}

  /**
   * Creates the external task that {@code execution} waits at {@code node} for (a service, send or
   * mail task, or a message throw or end event of {@code camunda:type="external"}).
   */
  static void create(
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

  /** The topic, or what its expression evaluates to now: a text of 1 to 255 characters. */
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

  private static String describe(@org.jspecify.annotations.Nullable Object value) {
    return value == null ? "null" : "a " + value.getClass().getSimpleName();
  }
}
