package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.IsoDuration;
import io.bulwark.engine.bpmn.model.UserTask;
import io.bulwark.engine.bpmn.model.UserTaskSpec;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.expression.Expression;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Creates the task row, its candidate links and its history, then waits. Assignee, candidates, due
 * date and priority are expressions evaluated against the process variables (literals need no
 * variables, so none are loaded). A due date may be an instant, an ISO 8601 date-time with offset
 * or an ISO 8601 duration from now ({@code P2D}).
 */
final class UserTaskBehavior implements NodeBehavior {

  static final int DEFAULT_PRIORITY = 50;

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    UserTask task = (UserTask) node;
    UserTaskSpec spec = task.spec();
    Instant now = session.context().now();
    String taskId = RowIds.next();
    String assignee = text(session, instance, execution, spec.assignee(), node.id());
    Instant due = date(session, instance, execution, spec.dueDate(), node.id(), now, "due date");
    Instant followUp =
        date(session, instance, execution, spec.followUpDate(), node.id(), now, "follow-up date");
    int priority = priority(session, instance, execution, spec.priority(), node.id());
    DeployedProcess process = instance.process();
    TaskRow row =
        new TaskRow(
            taskId,
            execution.id(),
            instance.id(),
            process.definitionId(),
            process.key(),
            node.id(),
            node.name(),
            assignee,
            null,
            priority,
            due,
            now,
            spec.formKey(),
            instance.root().tenantId(),
            null,
            followUp,
            1);
    session.context().unitOfWork().insert(RuntimeRows.TASK, row);
    session.attachments().createdTask(execution.id(), taskId);
    for (String user : names(session, instance, execution, spec.candidateUsers(), node.id())) {
      link(session, execution, RuntimeRows.IdentityLinkRow.of(id(), row, user, null));
    }
    for (String group : names(session, instance, execution, spec.candidateGroups(), node.id())) {
      link(session, execution, RuntimeRows.IdentityLinkRow.of(id(), row, null, group));
    }
    session.history().taskCreated(taskId, instance.id(), node.id(), node.name(), assignee, due);
    session.history().activityTask(execution.activityInstanceId(), taskId);
  }

  private static String id() {
    return RowIds.next();
  }

  private static void link(
      RuntimeSession session, Execution execution, RuntimeRows.IdentityLinkRow row) {
    session.context().unitOfWork().insert(RuntimeRows.IDENTITY_LINK, row);
    session.attachments().created(execution.id(), RuntimeRows.IDENTITY_LINK, row.id());
  }

  private static @Nullable String text(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      @Nullable Expression expression,
      String elementId)
      throws SQLException {
    if (expression == null) {
      return null;
    }
    Object value = session.evaluate(instance, execution, expression, elementId);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static Set<String> names(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      List<Expression> expressions,
      String id)
      throws SQLException {
    Set<String> result = new LinkedHashSet<>();
    for (Expression expression : expressions) {
      Object value = session.evaluate(instance, execution, expression, id);
      List<Object> values = new ArrayList<>();
      if (value instanceof Collection<?> many) {
        values.addAll(many);
      } else if (value != null) {
        values.addAll(List.of(value.toString().split(",")));
      }
      for (Object one : values) {
        if (one != null && !one.toString().isBlank()) {
          result.add(one.toString().strip());
        }
      }
    }
    return result;
  }

  /** A due or follow-up date: a date, an ISO 8601 date-time, or a duration from now. */
  private static @Nullable Instant date(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      @Nullable Expression expression,
      String elementId,
      Instant now,
      String what)
      throws SQLException {
    if (expression == null) {
      return null;
    }
    Object value = session.evaluate(instance, execution, expression, elementId);
    if (value == null) {
      return null;
    } else if (value instanceof Instant instant) {
      return instant;
    } else if (value instanceof Date date) {
      return date.toInstant();
    }
    String text = value.toString().strip();
    try {
      if (text.startsWith("P")) {
        return IsoDuration.parse(text).addTo(now.atZone(ZoneOffset.UTC)).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      throw new ProcessExecutionException(
          what + " of " + elementId + " is neither an ISO 8601 date-time nor a duration: " + text,
          e);
    }
  }

  private static int priority(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      @Nullable Expression expression,
      String elementId)
      throws SQLException {
    if (expression == null) {
      return DEFAULT_PRIORITY;
    }
    Object value = session.evaluate(instance, execution, expression, elementId);
    if (value instanceof Number number) {
      return number.intValue();
    }
    try {
      return value == null ? DEFAULT_PRIORITY : Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new ProcessExecutionException("priority of " + elementId + " is not a number", e);
    }
  }
}
