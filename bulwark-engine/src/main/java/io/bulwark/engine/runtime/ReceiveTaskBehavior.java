package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.ReceiveTask;
import io.bulwark.engine.command.RowIds;

/**
 * A receive task waits. With a message it subscribes the execution to the message name, and
 * correlation continues it; without one it waits for {@code RuntimeService.trigger}.
 */
final class ReceiveTaskBehavior implements NodeBehavior {

  @Override
  public void enter(
      RuntimeSession session, InstanceState instance, Execution execution, FlowNode node) {
    ReceiveTask task = (ReceiveTask) node;
    if (task.message() == null) {
      return;
    }
    var row =
        new RuntimeRows.SubscriptionRow(
            RowIds.next(),
            IntermediateCatchEventBehavior.MESSAGE,
            task.message().messageName(),
            execution.id(),
            instance.id(),
            node.id(),
            null,
            session.context().now());
    session.context().unitOfWork().insert(RuntimeRows.SUBSCRIPTION, row);
    session.attachments().created(execution.id(), RuntimeRows.SUBSCRIPTION, row.id());
  }
}
