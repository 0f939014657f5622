package io.bulwark.engine.runtime;

import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.command.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The compensation subscriptions of one process instance as one command sees them: loaded with one
 * query on first use (none for an instance started in this command), changed in memory and written
 * through the unit of work. Not thread-safe: belongs to one command.
 */
final class CompensationSubscriptions {

  private final String instanceId;
  private final UnitOfWork work;
  private final List<CompensationRow> rows;
  private long nextSeq;

  private CompensationSubscriptions(
      String instanceId, UnitOfWork work, List<CompensationRow> rows) {
    this.instanceId = instanceId;
    this.work = work;
    this.rows = new ArrayList<>(rows);
    this.nextSeq = rows.stream().mapToLong(CompensationRow::seq).max().orElse(0) + 1;
  }

  /** None yet: an instance started in this command. */
  static CompensationSubscriptions empty(String instanceId, UnitOfWork work) {
    return new CompensationSubscriptions(instanceId, work, List.of());
  }

  static CompensationSubscriptions load(Connection connection, String instanceId, UnitOfWork work)
      throws SQLException {
    List<CompensationRow> loaded = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT "
                + CompensationRow.COLUMNS
                + " FROM bw_compensation_subscription WHERE process_instance_id = ?")) {
      statement.setString(1, instanceId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          loaded.add(CompensationRow.MAPPER.map(rs));
        }
      }
    }
    return new CompensationSubscriptions(instanceId, work, loaded);
  }

  /** Records that {@code activityId} completed in scope {@code scopeKey}. */
  void add(String scopeKey, String activityId, @Nullable String innerScopeKey, Instant now) {
    CompensationRow row =
        new CompensationRow(
            RowIds.next(), instanceId, scopeKey, activityId, innerScopeKey, nextSeq++, now);
    rows.add(row);
    work.insert(CompensationRow.WRITER, row);
  }

  boolean has(String scopeKey) {
    return rows.stream().anyMatch(r -> r.scopeKey().equals(scopeKey));
  }

  /**
   * Removes and returns the rows of a scope ({@code activityId} null) or of one activity in it,
   * latest completion first.
   */
  List<CompensationRow> take(String scopeKey, @Nullable String activityId) {
    List<CompensationRow> taken =
        rows.stream()
            .filter(r -> r.scopeKey().equals(scopeKey))
            .filter(r -> activityId == null || r.activityId().equals(activityId))
            .sorted(Comparator.comparingLong(CompensationRow::seq).reversed())
            .toList();
    taken.forEach(this::delete);
    return taken;
  }

  /** Moves the rows of one scope to another key (a sub-process completed, or is compensated). */
  void rekey(String from, String to) {
    for (int i = 0; i < rows.size(); i++) {
      CompensationRow row = rows.get(i);
      if (row.scopeKey().equals(from)) {
        CompensationRow moved = row.withScope(to);
        rows.set(i, moved);
        work.update(CompensationRow.WRITER, moved);
      }
    }
  }

  /** Deletes the rows of a scope and, below them, those of their completed sub-processes. */
  void drop(String scopeKey) {
    for (CompensationRow row : take(scopeKey, null)) {
      if (row.innerScopeKey() != null) {
        drop(row.innerScopeKey());
      }
    }
  }

  /** Deletes every row of the instance (it ended). */
  void dropAll() {
    List.copyOf(rows).forEach(this::delete);
  }

  private void delete(CompensationRow row) {
    rows.remove(row);
    work.delete(CompensationRow.WRITER, row.id());
  }
}
