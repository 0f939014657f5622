package io.bulwark.engine.runtime;

import io.bulwark.engine.command.RowChange;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.command.UnitOfWork;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Event subscriptions ({@code bw_event_subscription}) that executions own while they wait. */
final class Subscriptions {

  static final String MESSAGE = "message";
  static final String SIGNAL = "signal";
  static final String CONDITIONAL = "conditional";

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
      @Nullable String name,
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

  /**
   * Whether a subscription still exists when its turn comes: an earlier subscriber of the same
   * broadcast may have ended the execution's wait (an interrupting boundary event, for instance).
   */
  static boolean alive(RuntimeSession session, String subscriptionId) throws SQLException {
    if (deletedInThisCommand(session.context().unitOfWork()).contains(subscriptionId)) {
      return false;
    }
    for (RowChange<?> change : session.context().unitOfWork().pending()) {
      if (change instanceof RowChange.Insert<?> && subscriptionId.equals(change.id())) {
        return true;
      }
    }
    try (PreparedStatement statement =
        session
            .context()
            .connection()
            .prepareStatement("SELECT 1 FROM bw_event_subscription WHERE id = ?")) {
      statement.setString(1, subscriptionId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next();
      }
    }
  }

  static Set<String> deletedInThisCommand(UnitOfWork work) {
    Set<String> ids = new HashSet<>();
    for (RowChange<?> change : work.pending()) {
      if (change instanceof RowChange.Delete<?> delete
          && delete.writer() == RuntimeRows.SUBSCRIPTION) {
        ids.add(delete.id());
      }
    }
    return ids;
  }
}
