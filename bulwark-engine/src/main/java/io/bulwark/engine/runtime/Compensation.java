package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.CompensationLinks;
import io.bulwark.engine.bpmn.model.EndEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.SubProcess;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.command.RowWriter;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Compensation, as in Camunda 7. An activity with a compensation boundary event that completes
 * leaves a subscription in the scope it ran in (one per run of a multi-instance activity). A
 * completed sub-process keeps the subscriptions of its content under a key of its own, behind a
 * subscription of the sub-process itself. A compensation throw or end event takes the subscriptions
 * of its scope (of {@code activityRef} only, when set), latest completion first, and starts for
 * each: the activity's {@code isForCompensation} handler; for a sub-process without handler, its
 * compensation event sub-process, run in a revived scope of the sub-process (the <em>host</em>), or
 * else the compensation of its content. The handlers run as children of the throwing execution,
 * which waits until the last one ends. Subscriptions go when compensated and when their scope is
 * cancelled or the instance ends.
 */
final class Compensation {

  private Compensation() {}

  private static CompensationLinks links(InstanceState instance) {
    return instance.model().compensation();
  }

  private static CompensationSubscriptions subscriptions(
      RuntimeSession session, InstanceState instance) throws SQLException {
    return instance.compensations(session.context().connection());
  }

  /** The scope execution (process instance, sub-process run, host) that encloses {@code from}. */
  static Execution scopeOf(InstanceState instance, Execution from) {
    Execution current = instance.execution(from.parentId());
    while (current != null
        && EventSubProcesses.contentScopeId(instance, current) == null
        && !isHost(instance, current)) {
      current = instance.execution(current.parentId());
    }
    if (current == null) {
      throw new IllegalStateException("execution " + from.id() + " has no enclosing scope");
    }
    return current;
  }

  /** Whether {@code execution} is a revived sub-process scope running a compensation handler. */
  static boolean isHost(InstanceState instance, Execution execution) {
    Execution parent =
        execution.parentId() == null ? null : instance.execution(execution.parentId());
    return execution.activityId() != null
        && execution.scope()
        && !links(instance).isHandler(execution.activityId())
        && instance.model().node(execution.activityId()) instanceof SubProcess
        && parent != null
        && parent.activityId() != null
        && !(instance.model().node(parent.activityId()) instanceof SubProcess);
  }

  /**
   * {@code execution} completed {@code node} (called on leave): keeps its subscription when it is
   * compensable, and for a sub-process the subscriptions of its content.
   */
  static void completed(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node)
      throws SQLException {
    CompensationLinks links = links(instance);
    if (!links.active()
        || (instance.model().multiInstance(node.id()) != null
            && !MultiInstanceBehavior.isRun(instance, execution, node.id()))) {
      return; // each run of a multi-instance activity counts, not its body
    }
    boolean subProcess = node instanceof SubProcess;
    String handler = links.handler(node.id());
    if (subProcess && (links.isHandler(node.id()) || ((SubProcess) node).triggeredByEvent())) {
      subscriptions(session, instance).drop(execution.id());
      return;
    }
    if (links.isHandler(node.id()) || (!subProcess && handler == null)) {
      return;
    }
    CompensationSubscriptions subscriptions = subscriptions(session, instance);
    String scopeKey = scopeOf(instance, execution).id();
    String inner = null;
    if (subProcess && handler != null) {
      subscriptions.drop(execution.id()); // the sub-process's own handler compensates it
    } else if (subProcess) {
      if (!subscriptions.has(execution.id()) && links.start(node.id()) == null) {
        return;
      }
      inner = RowIds.next();
      subscriptions.rekey(execution.id(), inner);
    }
    subscriptions.add(scopeKey, node.id(), inner, session.context().now());
  }

  /**
   * Compensates for {@code thrower} (a compensation throw or end event, or a cancel end event):
   * starts the handlers as its children and returns true when it must wait for them.
   */
  static boolean throwFrom(
      RuntimeSession session,
      InstanceState instance,
      Execution thrower,
      Execution scope,
      @Nullable String activityRef)
      throws SQLException {
    if (!links(instance).active()) {
      return false;
    }
    var rows = subscriptions(session, instance).take(scope.id(), activityRef);
    for (CompensationRow row : rows) {
      start(session, instance, thrower, row);
    }
    if (instance.children(thrower).isEmpty()) {
      return false;
    }
    thrower.setScope(true);
    return true;
  }

  /** The scope a thrower compensates: its own, or the one enclosing its event sub-process. */
  static Execution compensatedScope(InstanceState instance, Execution thrower) {
    Execution scope = scopeOf(instance, thrower);
    boolean eventSubProcess =
        !scope.isRoot()
            && !isHost(instance, scope)
            && instance.model().node(scope.activityId()) instanceof SubProcess s
            && s.triggeredByEvent();
    return eventSubProcess ? scopeOf(instance, scope) : scope;
  }

  private static void start(
      RuntimeSession session, InstanceState instance, Execution thrower, CompensationRow row)
      throws SQLException {
    CompensationLinks links = links(instance);
    String handler = links.handler(row.activityId());
    if (handler != null) {
      Execution child = instance.createChild(thrower);
      child.setConcurrent(true);
      session.enter(instance, child, instance.model().node(handler));
      return;
    }
    String inner = row.innerScopeKey();
    if (inner == null) {
      return;
    }
    String start = links.start(row.activityId());
    if (start == null) {
      for (CompensationRow innerRow : subscriptions(session, instance).take(inner, null)) {
        start(session, instance, thrower, innerRow);
      }
      return;
    }
    FlowNode subProcess = instance.model().node(row.activityId());
    Execution host = instance.createChild(thrower);
    host.setConcurrent(true);
    String historyId =
        session
            .history()
            .activityStarted(
                instance.id(),
                host.id(),
                subProcess.id(),
                subProcess.type().xmlName(),
                subProcess.name());
    host.moveTo(subProcess.id(), historyId);
    host.setScope(true);
    subscriptions(session, instance).rekey(inner, host.id());
    Execution child = instance.createChild(host);
    FlowNode eventSubProcess = instance.model().node(instance.model().node(start).scopeId());
    session.enter(instance, child, eventSubProcess);
  }

  /**
   * The last handler that {@code thrower} started ended: a throw event goes on, an end event ends
   * its token, a cancel end event leaves its transaction ({@link TransactionCancel}).
   */
  static void handlersDone(
      RuntimeSession session, InstanceState instance, Execution thrower, FlowNode node)
      throws SQLException {
    thrower.setScope(false);
    if (node instanceof EndEvent end && end.definition() instanceof EventDefinition.Cancel) {
      TransactionCancel.leave(session, instance, thrower);
    } else if (node instanceof EndEvent) {
      session.agenda().plan(new Operations.EndExecutionOperation(instance, thrower));
    } else {
      session.leave(instance, thrower);
    }
  }

  /** A host's compensation event sub-process ended: the host ends with what is left of it. */
  static void hostDone(RuntimeSession session, InstanceState instance, Execution host)
      throws SQLException {
    subscriptions(session, instance).drop(host.id());
    session.history().activityEnded(host.activityInstanceId());
    host.setScope(false);
    session.agenda().plan(new Operations.EndExecutionOperation(instance, host));
  }

  /** A scope execution is cancelled: its subscriptions go. */
  static void cancelled(RuntimeSession session, InstanceState instance, Execution execution)
      throws SQLException {
    if (links(instance).active() && execution.scope()) {
      subscriptions(session, instance).drop(execution.id());
    }
  }

  /** The instance ended or was cancelled: every subscription goes. */
  static void instanceEnded(RuntimeSession session, InstanceState instance) {
    if (!links(instance).active()) {
      return;
    }
    CompensationSubscriptions loaded = instance.compensationsIfLoaded();
    if (loaded != null) {
      loaded.dropAll();
    }
    if (!instance.root().isNew()) {
      RowWriter<CompensationRow> writer = CompensationRow.WRITER;
      session.context().unitOfWork().deleteAll(writer, "process_instance_id", instance.id());
    }
  }
}
