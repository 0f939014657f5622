package io.bulwark.engine.runtime;

import io.bulwark.engine.command.RowIds;

/** Event subscriptions ({@code bw_event_subscription}) that executions own while they wait. */
final class Subscriptions {

  static final String MESSAGE = "message";
  static final String SIGNAL = "signal";

  private Subscriptions() {}

  /**
   * Subscribes {@code execution} to the event {@code type}/{@code name} for {@code activityId} (the
   * catch event, boundary event or event sub-process start event that reacts); the row goes when
   * the execution lets go of its attachments.
   */
  static void subscribe(
      RuntimeSession session,
      InstanceState instance,
      Execution execution,
      String type,
      String name,
      String activityId) {
    var row =
        new RuntimeRows.SubscriptionRow(
            RowIds.next(),
            type,
            name,
            execution.id(),
            instance.id(),
            activityId,
            null,
            session.context().now());
    session.context().unitOfWork().insert(RuntimeRows.SUBSCRIPTION, row);
    session.attachments().created(execution.id(), RuntimeRows.SUBSCRIPTION, row.id());
  }
}
