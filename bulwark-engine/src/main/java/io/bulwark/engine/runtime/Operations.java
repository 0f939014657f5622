package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.Activity;
import io.bulwark.engine.bpmn.model.AsyncSettings;
import io.bulwark.engine.bpmn.model.EndEvent;
import io.bulwark.engine.bpmn.model.ExecutionListeners.Event;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.MultiInstance;
import io.bulwark.engine.bpmn.model.SequenceFlow;
import io.bulwark.engine.bpmn.model.SubProcess;
import java.sql.SQLException;
import java.util.List;

/** The named operations of the agenda (DESIGN.md "agenda of named operations"). */
final class Operations {

  private Operations() {}

  /** Moves an execution into a node and runs the node's behaviour. */
  record EnterNodeOperation(InstanceState instance, Execution execution, FlowNode node)
      implements Operation {
    @Override
    public void run(RuntimeSession session) throws SQLException {
      if (execution.isRemoved()) {
        return;
      }
      boolean run = MultiInstanceBehavior.isRun(instance, execution, node.id());
      boolean body = !run && instance.model().multiInstance(node.id()) != null;
      String historyId =
          session
              .history()
              .activityStarted(
                  instance.id(),
                  execution.id(),
                  body ? node.id() + MultiInstance.BODY_SUFFIX : node.id(),
                  body ? MultiInstance.BODY_TYPE : node.type().xmlName(),
                  node.name());
      execution.moveTo(node.id(), historyId);
      execution.setActive(true);
      AsyncSettings async = run ? MultiInstanceBehavior.runAsync(instance, node) : node.async();
      if (async.before() && session.runtime().async().before(session, instance, execution, node)) {
        return;
      }
      new ExecuteNodeOperation(instance, execution, node).run(session);
    }
  }

  /**
   * Runs the behaviour of the node the execution is at: entered just now, or resumed by an
   * asyncBefore continuation job. Schedules the node's boundary timers first.
   */
  record ExecuteNodeOperation(InstanceState instance, Execution execution, FlowNode node)
      implements Operation {
    @Override
    public void run(RuntimeSession session) throws SQLException {
      if (execution.isRemoved()) {
        return;
      }
      boolean run = MultiInstanceBehavior.isRun(instance, execution, node.id());
      if (node instanceof Activity activity && !run) {
        TimerScheduler.scheduleBoundaries(session, instance, execution, activity);
        BoundaryTrigger.subscribeMessages(session, instance, execution, activity);
      }
      if (!run && instance.model().multiInstance(node.id()) != null) {
        MultiInstanceBehavior.start(session, instance, execution, node);
        return;
      }
      IoMappings.inputs(session, instance, execution, node);
      ExecutionListenerRunner.run(session, instance, execution, node.id(), Event.START);
      if (node instanceof EndEvent) {
        // an end event ends its token in its behaviour: its end listeners run just before
        ExecutionListenerRunner.run(session, instance, execution, node.id(), Event.END);
      }
      session.runtime().behavior(node).enter(session, instance, execution, node);
      if (execution.isRemoved()) {
        IoMappings.release(session, instance, execution, node); // an end event with inputs
      }
    }
  }

  /** Ends the execution's current activity and takes its outgoing flows. */
  record LeaveNodeOperation(InstanceState instance, Execution execution) implements Operation {
    @Override
    public void run(RuntimeSession session) throws SQLException {
      if (execution.isRemoved()) {
        return;
      }
      FlowNode node = instance.model().node(execution.activityId());
      IoMappings.outputs(session, instance, execution, node);
      if (!(node instanceof EndEvent) // its end listeners ran before its behaviour
          && (instance.model().multiInstance(node.id()) == null
              || MultiInstanceBehavior.isRun(instance, execution, node.id()))) {
        ExecutionListenerRunner.run(session, instance, execution, node.id(), Event.END);
      }
      session.attachments().remove(instance, execution, node, Attachments.Cause.LEAVE);
      session.history().activityEnded(execution.activityInstanceId());
      Compensation.completed(session, instance, execution, node);
      if (MultiInstanceBehavior.isRun(instance, execution, node.id())) {
        if (!MultiInstanceBehavior.runAsync(instance, node).after()
            || !session.runtime().async().after(session, instance, execution, node)) {
          MultiInstanceBehavior.runCompleted(session, instance, execution, node);
        }
        return;
      }
      IoMappings.release(session, instance, execution, node);
      if (node.async().after()
          && session.runtime().async().after(session, instance, execution, node)) {
        return;
      }
      session
          .agenda()
          .plan(
              new TakeFlowsOperation(
                  instance, execution, OutgoingFlows.select(session, instance, execution, node)));
    }
  }

  /** Sends the execution along the given flows, forking new tokens for all but the first. */
  record TakeFlowsOperation(InstanceState instance, Execution execution, List<SequenceFlow> flows)
      implements Operation {
    @Override
    public void run(RuntimeSession session) throws SQLException {
      if (flows.isEmpty()) {
        session.agenda().plan(new EndExecutionOperation(instance, execution));
        return;
      }
      for (int i = 0; i < flows.size(); i++) {
        Execution token = execution;
        if (i > 0) {
          token = instance.createChild(instance.parentOf(execution));
          token.setConcurrent(true);
          execution.setConcurrent(true);
        }
        ExecutionListenerRunner.run(session, instance, token, flows.get(i).id(), Event.TAKE);
        FlowNode target = instance.model().node(flows.get(i).targetId());
        session.agenda().plan(new EnterNodeOperation(instance, token, target));
      }
    }
  }

  /**
   * Removes a token that reached its end. When its scope has no token left, the scope completes: an
   * embedded sub-process is left, a process instance ends (and its calling activity goes on), a
   * compensation event that waited for its handlers goes on.
   */
  record EndExecutionOperation(InstanceState instance, Execution execution) implements Operation {
    @Override
    public void run(RuntimeSession session) throws SQLException {
      if (execution.isRemoved()) {
        return;
      }
      Execution scope = instance.execution(execution.parentId());
      execution.remove();
      if (scope == null) {
        return;
      }
      List<Execution> left = instance.children(scope);
      if (!left.isEmpty()) {
        InclusiveGatewayBehavior.reconsiderWaiting(session, instance, left);
        return;
      }
      if (scope.isRoot()) {
        ExecutionListenerRunner.run(session, instance, scope, instance.model().id(), Event.END);
        session.endInstance(instance, "COMPLETED", null);
      } else {
        FlowNode node = instance.model().node(scope.activityId());
        if (!(node instanceof SubProcess)) {
          Compensation.handlersDone(session, instance, scope, node);
          return;
        }
        if (Compensation.isHost(instance, scope)) {
          Compensation.hostDone(session, instance, scope);
          return;
        }
        scope.setScope(false);
        session.agenda().plan(new LeaveNodeOperation(instance, scope));
      }
    }
  }
}
