package io.bulwark.engine.instance;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.MessageCorrelation;
import io.bulwark.engine.api.MessageCorrelationResult;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.DeployedProcess;
import io.bulwark.engine.runtime.Execution;
import io.bulwark.engine.runtime.InstanceState;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeSession;
import io.bulwark.engine.variable.TypedValue;
import io.bulwark.engine.variable.VariableRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Correlates a message by name: to the one execution waiting at a message catch event (narrowed by
 * business key, process instance and correlation keys), or to every one with {@link
 * MessageCorrelation.Delivery#ALL}; when none waits and no process instance was named, to a message
 * start event, which starts an instance.
 */
public final class CorrelateMessageCommand implements Command<List<MessageCorrelationResult>> {

  private static final String WAITING =
      "SELECT s.execution_id, s.process_instance_id, s.activity_id FROM bw_event_subscription s"
          + " JOIN bw_execution r ON r.id = s.process_instance_id"
          + " WHERE s.event_type = 'message' AND s.event_name = ? AND s.execution_id IS NOT NULL"
          + " AND r.suspended = FALSE";
  private static final String START =
      "SELECT process_definition_id, activity_id FROM bw_event_subscription"
          + " WHERE event_type = 'message' AND event_name = ? AND execution_id IS NULL";

  private record Candidate(String executionId, String instanceId, String activityId) {}

  private final ProcessRuntime runtime;
  private final MessageCorrelation message;

  public CorrelateMessageCommand(ProcessRuntime runtime, MessageCorrelation message) {
    this.runtime = runtime;
    this.message = message;
  }

  /**
   * The target is found by the message name, so it is not known before the command runs: the
   * declared requirement is "any of" UPDATE on every process instance or START_INSTANCE on every
   * process definition (type-wide grants), and once the target is found the command checks it again
   * through the executor: UPDATE on the waiting instance, or START_INSTANCE on the key of the
   * definition the message starts. A denial throws before anything is written.
   */
  @Override
  public Requirement requirement() {
    return Requirement.anyOf(
        Requirement.onAny(ResourceType.PROCESS_INSTANCE, Permission.UPDATE),
        Requirement.onAny(ResourceType.PROCESS_DEFINITION, Permission.START_INSTANCE));
  }

  @Override
  public List<MessageCorrelationResult> execute(CommandContext context) throws SQLException {
    List<Candidate> candidates = waiting(context);
    if (candidates.size() > 1 && message.delivery() == MessageCorrelation.Delivery.ONE) {
      throw new ValidationException(
          "message '"
              + message.messageName()
              + "' matches "
              + candidates.size()
              + " waiting executions; narrow it with a business key or correlation keys");
    }
    RuntimeSession session = runtime.session(context);
    if (candidates.isEmpty()) {
      if (message.processInstanceId() != null) {
        throw new NotFoundException(
            "no execution of process instance "
                + message.processInstanceId()
                + " waits for message '"
                + message.messageName()
                + "'");
      }
      return List.of(startByMessage(context, session));
    }
    List<MessageCorrelationResult> results = new ArrayList<>();
    for (Candidate target : candidates) {
      context.authorize(
          Requirement.of(ResourceType.PROCESS_INSTANCE, Permission.UPDATE, target.instanceId()));
    }
    for (Candidate target : candidates) {
      InstanceState instance = session.instance(target.instanceId());
      RuntimeSession.requireActive(instance);
      Execution execution = instance.execution(target.executionId());
      if (execution == null) {
        throw new ConflictException("the execution waiting for the message has moved on");
      }
      session.setVariables(instance, execution, message.variables());
      session.messageArrived(instance, execution, target.activityId());
      session
          .history()
          .operation(
              "Correlate",
              HistoryRecorder.Entity.MESSAGE,
              instance.id(),
              instance.id(),
              message.messageName());
      session.run();
      results.add(
          new MessageCorrelationResult(
              MessageCorrelationResult.Kind.EXECUTION, target.instanceId()));
    }
    return results;
  }

  private MessageCorrelationResult startByMessage(CommandContext context, RuntimeSession session)
      throws SQLException {
    String definitionId;
    String startId;
    try (PreparedStatement statement = context.connection().prepareStatement(START)) {
      statement.setMaxRows(1);
      statement.setString(1, message.messageName());
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException(
              "no execution or start event waits for message '" + message.messageName() + "'");
        }
        definitionId = rs.getString(1);
        startId = rs.getString(2);
      }
    }
    DeployedProcess process = runtime.definitions().get(context.connection(), definitionId);
    context.authorize(
        Requirement.of(ResourceType.PROCESS_DEFINITION, Permission.START_INSTANCE, process.key()));
    StartEvent start = (StartEvent) process.model().node(startId);
    InstanceState instance =
        session.startInstance(process, start, message.businessKey(), message.variables(), null);
    session
        .history()
        .operation(
            "Correlate",
            HistoryRecorder.Entity.MESSAGE,
            instance.id(),
            instance.id(),
            message.messageName());
    session.run();
    return new MessageCorrelationResult(
        MessageCorrelationResult.Kind.PROCESS_DEFINITION, instance.id());
  }

  private List<Candidate> waiting(CommandContext context) throws SQLException {
    String sql =
        WAITING
            + (message.businessKey() != null ? " AND r.business_key = ?" : "")
            + (message.processInstanceId() != null ? " AND s.process_instance_id = ?" : "")
            + " ORDER BY s.process_instance_id, s.execution_id";
    List<Candidate> found = new ArrayList<>();
    try (PreparedStatement statement = context.connection().prepareStatement(sql)) {
      statement.setMaxRows(1000);
      statement.setString(1, message.messageName());
      int next = 2;
      if (message.businessKey() != null) {
        statement.setString(next++, message.businessKey());
      }
      if (message.processInstanceId() != null) {
        statement.setString(next, message.processInstanceId());
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          found.add(new Candidate(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    if (message.correlationKeys().isEmpty()) {
      return found;
    }
    List<Candidate> matching = new ArrayList<>();
    for (Candidate candidate : found) {
      if (matches(context, candidate.instanceId())) {
        matching.add(candidate);
      }
    }
    return matching;
  }

  private boolean matches(CommandContext context, String instanceId) throws SQLException {
    Map<String, VariableRow> rows =
        runtime.variableRepository().findByScope(context.connection(), instanceId);
    for (Map.Entry<String, Object> key : message.correlationKeys().entrySet()) {
      VariableRow row = rows.get(key.getKey());
      TypedValue expected = runtime.values().fromJava(key.getKey(), key.getValue());
      if (row == null || !runtime.sensitiveFields().valueOf(row).equals(expected)) {
        return false;
      }
    }
    return true;
  }
}
