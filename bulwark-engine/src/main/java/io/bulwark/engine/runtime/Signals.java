package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.command.RowChange;
import io.bulwark.engine.expression.Expression;
import io.bulwark.engine.expression.ExpressionException;
import io.bulwark.engine.expression.VariableLookup;
import io.bulwark.engine.job.NewJob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Signals, as in Camunda: a thrown signal (intermediate throw or end event, or {@code
 * RuntimeService.signalEventReceived}) reaches every subscriber of its name at once, in the same
 * transaction: waiting catch events continue, boundary events fire, event sub-processes start, and
 * each process whose latest version has a signal start event gets a new instance. Subscriptions
 * created earlier in the same command count too.
 */
public final class Signals {

  private static final String SUBSCRIBERS =
      "SELECT id, execution_id, process_instance_id, activity_id, process_definition_id"
          + " FROM bw_event_subscription WHERE event_type = 'signal' AND event_name = ?"
          + " ORDER BY created_at, id";

  /** Checks a caller's right to reach a target before anything is written (API broadcasts). */
  public interface Access {
    /** May the signal continue process instance {@code instanceId}? Throws if not. */
    void instance(String instanceId) throws SQLException;

    /** May the signal start an instance of process {@code key}? Throws if not. */
    void start(String key) throws SQLException;

    /** No checks: a signal thrown by a process reaches every subscriber. */
    Access NONE =
        new Access() {
          @Override
          public void instance(String instanceId) {}

          @Override
          public void start(String key) {}
        };
  }

  private record Subscriber(
      String id,
      @Nullable String executionId,
      @Nullable String instanceId,
      String activityId,
      @Nullable String definitionId) {}

  /** Longest signal name a name expression may produce (the subscription's name column). */
  static final int MAX_NAME = 255;

  private Signals() {}

  /**
   * Job type of an asynchronous signal throw ({@code camunda:async}); its configuration is the
   * name.
   */
  public static final String THROW_JOB = "signal-throw";

  /**
   * The name of {@code signal} as seen from {@code execution}: a name expression is evaluated with
   * the execution's variables (an unknown variable fails the command, as in Camunda).
   */
  static String nameAt(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      EventDefinition.Signal signal,
      String elementId)
      throws SQLException {
    Expression expression = signal.nameExpression();
    if (expression == null) {
      return signal.signalName();
    }
    Object value = session.evaluate(instance, execution, expression, elementId);
    return requireName(value, signal.signalName());
  }

  /**
   * The name a process's signal start event subscribes to: a name expression is evaluated without
   * variables, as Camunda does at deployment ({@code alert-${'foo'}}).
   *
   * @throws ExpressionException when the expression needs variables or yields no name
   */
  public static String startName(EventDefinition.Signal signal) {
    Expression expression = signal.nameExpression();
    if (expression == null) {
      return signal.signalName();
    }
    Object value = expression.evaluate(VariableLookup.empty());
    if (!isName(value)) {
      throw new ExpressionException(invalidName(signal.signalName()));
    }
    return String.valueOf(value);
  }

  private static String requireName(@Nullable Object value, String source) {
    if (!isName(value)) {
      throw new ProcessExecutionException(invalidName(source));
    }
    return String.valueOf(value);
  }

  private static boolean isName(@Nullable Object value) {
    return value != null && !value.toString().isBlank() && value.toString().length() <= MAX_NAME;
  }

  private static String invalidName(String source) {
    return "signal name '"
        + source
        + "' evaluated to an empty name or one longer than "
        + MAX_NAME
        + " characters";
  }

  /**
   * Throws {@code signal} from {@code node}: broadcasts it now with the payload of its {@code
   * camunda:in} mappings, or, when asynchronous, schedules one {@value #THROW_JOB} job that
   * broadcasts it when it runs (the job carries the node's priority and retry cycle).
   */
  static void throwFrom(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      FlowNode node,
      EventDefinition.Signal signal)
      throws SQLException {
    String name = nameAt(session, instance, execution, signal, node.id());
    if (!signal.async()) {
      broadcast(
          session,
          name,
          VariableMappings.inputs(signal.payload(), session, instance, execution),
          Access.NONE);
      return;
    }
    NewJob job =
        new NewJob(
            THROW_JOB,
            null,
            null,
            instance.process().definitionId(),
            node.id(),
            null,
            name,
            instance.process().model().jobPriorities().of(node.id()));
    session.runtime().jobs().schedule(session.context(), job);
  }

  /** Broadcasts {@code name}; returns how many subscribers it reached. */
  public static int broadcast(
      RuntimeSession session, String name, Map<String, ?> variables, Access access)
      throws SQLException {
    List<Subscriber> subscribers = subscribers(session, name);
    int reached = 0;
    for (Subscriber s : subscribers) {
      if (s.executionId() == null || !Subscriptions.alive(session, s.id())) {
        continue;
      }
      // An execution subscription always names its instance.
      String instanceId = Objects.requireNonNull(s.instanceId());
      access.instance(instanceId);
      InstanceState instance = session.instance(instanceId);
      Execution execution = instance.execution(s.executionId());
      if (execution != null) {
        session.eventArrived(instance, execution, s.activityId(), "signal " + name, variables);
        reached++;
      }
    }
    for (Subscriber s : subscribers) {
      String definitionId = s.definitionId();
      if (s.executionId() != null || definitionId == null) {
        continue; // a start-event subscription names its definition
      }
      if (DefinitionSuspensions.suspended(session.context().connection(), definitionId)) {
        continue; // a suspended definition is not started by a signal, as in Camunda
      }
      DeployedProcess process =
          session.runtime().definitions().get(session.context().connection(), definitionId);
      access.start(process.key());
      FlowNode start = process.model().node(s.activityId());
      session.startInstance(process, (StartEvent) start, null, variables, null);
      reached++;
    }
    return reached;
  }

  /** Stored subscribers of {@code name} and those registered in this command, oldest first. */
  private static List<Subscriber> subscribers(RuntimeSession session, String name)
      throws SQLException {
    Map<String, Subscriber> found = new LinkedHashMap<>();
    try (PreparedStatement statement =
        session.context().connection().prepareStatement(SUBSCRIBERS)) {
      statement.setString(1, name);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          Subscriber s =
              new Subscriber(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5));
          found.put(s.id(), s);
        }
      }
    }
    for (RowChange<?> change : session.context().unitOfWork().pending()) {
      if (change instanceof RowChange.Insert<?> insert
          && insert.row() instanceof RuntimeRows.SubscriptionRow row
          && Subscriptions.SIGNAL.equals(row.eventType())
          && name.equals(row.eventName())) {
        found.put(
            row.id(),
            new Subscriber(
                row.id(),
                row.executionId(),
                row.processInstanceId(),
                row.activityId(),
                row.processDefinitionId()));
      }
    }
    Set<String> deleted = Subscriptions.deletedInThisCommand(session.context().unitOfWork());
    List<Subscriber> result = new ArrayList<>();
    for (Subscriber s : found.values()) {
      if (!deleted.contains(s.id())) {
        result.add(s);
      }
    }
    return result;
  }
}
