package io.bulwark.engine.variable;

import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.crypto.FieldCipher;
import io.bulwark.engine.job.JobHandler;
import io.bulwark.engine.job.JobRow;
import io.bulwark.engine.job.JobScheduler;
import io.bulwark.engine.job.NewJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts sensitive values with the key set's primary key after a rotation (D2), in the
 * background: each run re-encrypts one batch of runtime rows ({@code bw_variable}) and then one of
 * history rows ({@code bw_hi_variable_update}) whose {@code cipher_key} names another key that is
 * still in the key set, in the job's own transaction, and schedules the next run: at once while a
 * batch was full, {@link #SETTLE} later otherwise; it ends after a run that re-encrypted nothing.
 * The column is the marker: a crash loses at most the running batch, which the retried job (or the
 * next start, {@link ScheduleReencryptionCommand}) does again. Values whose key was destroyed are
 * not selected; those whose ciphertext cannot be opened (changed or moved) are left as they are. A
 * runtime row changed meanwhile fails the job's optimistic check; the job is retried.
 */
public final class ReencryptVariablesJob implements JobHandler {

  /** The job type; also the name of its row in {@code bw_schedule_lock}. */
  public static final String TYPE = JobHandler.VARIABLE_REENCRYPT;

  /** Rows per table and run. */
  static final int BATCH = 100;

  /**
   * How long after a batch that was not full the job looks again: writes that encrypted with the
   * old primary just before an online rotation commit meanwhile, and the job ends only after a run
   * that found nothing more to re-encrypt.
   */
  static final Duration SETTLE = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(ReencryptVariablesJob.class);

  private static final String HISTORY_COLUMNS =
      "id, variable_id, scope_id, process_instance_id, name, value_type, bytes_value,"
          + " variable_rev, cipher_key";

  private final SensitiveFields sensitive;
  private final JobScheduler scheduler;
  private final KeySetFollowers followers;

  /**
   * @param followers whether every node uses the newest key set: until then the job goes on
   */
  public ReencryptVariablesJob(
      SensitiveFields sensitive, JobScheduler scheduler, KeySetFollowers followers) {
    this.sensitive = sensitive;
    this.scheduler = scheduler;
    this.followers = followers;
  }

  /** A run due at {@code due}. */
  static NewJob next(Instant due) {
    return new NewJob(TYPE, null, null, null, null, due, null);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void execute(CommandContext context, JobRow job) throws SQLException {
    List<Integer> oldKeys = oldKeys(sensitive);
    if (oldKeys.isEmpty()) {
      return;
    }
    Connection connection = context.connection();
    List<VariableRow> rows =
        select(
            connection,
            "SELECT " + VariableRows.COLUMNS + " FROM bw_variable",
            oldKeys,
            VariableRows.MAPPER);
    int count = 0;
    for (VariableRow row : rows) {
      VariableRow resealed = sensitive.reseal(row);
      if (!Objects.equals(resealed.cipherKey(), row.cipherKey())) {
        context
            .unitOfWork()
            .update(VariableRows.WRITER, resealed.withRev(row.rev() + 1), row.rev());
        count++;
      }
    }
    List<HistoryRow> history =
        select(
            connection,
            "SELECT " + HISTORY_COLUMNS + " FROM bw_hi_variable_update",
            oldKeys,
            ReencryptVariablesJob::historyRow);
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE bw_hi_variable_update SET bytes_value = ?, cipher_key = ? WHERE id = ?")) {
      int batched = 0;
      for (HistoryRow row : history) {
        VariableRow resealed = sensitive.reseal(row.variable());
        if (!Objects.equals(resealed.cipherKey(), row.variable().cipherKey())) {
          update.setBytes(1, resealed.bytesValue());
          update.setObject(2, resealed.cipherKey());
          update.setString(3, row.id());
          update.addBatch();
          batched++;
        }
      }
      if (batched > 0) {
        update.executeBatch();
      }
      count += batched;
    }
    boolean full = rows.size() >= BATCH || history.size() >= BATCH;
    boolean more = count > 0;
    // D2: a node that has not switched yet may still write under an older key.
    boolean lagging = !followers.allSwitched(connection);
    if (more || lagging) {
      scheduler.schedule(context, next(full && more ? context.now() : context.now().plus(SETTLE)));
    } else if (!rows.isEmpty() || !history.isEmpty()) {
      int left = rows.size() + history.size();
      context
          .unitOfWork()
          .afterCommit(
              () ->
                  LOG.warn(
                      "{} sensitive values under an older key cannot be opened (changed or moved"
                          + " rows); left as they are (D2)",
                      left));
    }
    int written = count;
    context
        .unitOfWork()
        .afterCommit(
            () ->
                LOG.info(
                    "re-encrypted {} sensitive values with the primary key (D2){}",
                    written,
                    more ? "; more follow" : ""));
  }

  /** The ids of the keys that still decrypt but no longer encrypt; empty without a key store. */
  static List<Integer> oldKeys(SensitiveFields sensitive) {
    if (sensitive.cipher().isEmpty()) {
      return List.of();
    }
    FieldCipher cipher = sensitive.cipher().get();
    List<Integer> old = new ArrayList<>(cipher.keyIds());
    old.remove(Integer.valueOf(cipher.primaryKeyId()));
    return old;
  }

  /** {@code WHERE cipher_key IN (?, …)} for the old keys; the table text is a constant (E5). */
  static String whereOldKey(List<Integer> oldKeys) {
    return " WHERE cipher_key IN (" + "?, ".repeat(oldKeys.size() - 1) + "?)";
  }

  private static <T> List<T> select(
      Connection connection, String selectFrom, List<Integer> oldKeys, RowMapper<T> mapper)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            selectFrom
                + whereOldKey(oldKeys)
                + " ORDER BY id FETCH FIRST "
                + BATCH
                + " ROWS ONLY")) {
      for (int i = 0; i < oldKeys.size(); i++) {
        select.setInt(i + 1, oldKeys.get(i));
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
      }
    }
    return rows;
  }

  /** A history row and the runtime row it copied, whose associated data its ciphertext carries. */
  private record HistoryRow(String id, VariableRow variable) {}

  private static HistoryRow historyRow(ResultSet rs) throws SQLException {
    return new HistoryRow(
        rs.getString("id"),
        new VariableRow(
            rs.getString("variable_id"),
            rs.getString("scope_id"),
            ScopeType.EXECUTION,
            rs.getString("process_instance_id"),
            rs.getString("name"),
            ValueType.valueOf(rs.getString("value_type")),
            null,
            null,
            null,
            rs.getBytes("bytes_value"),
            rs.getLong("variable_rev"),
            rs.getInt("cipher_key")));
  }
}
