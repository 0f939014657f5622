package io.bulwark.engine.externaltask;

import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.TopicRequest;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.SqlValues;
import io.bulwark.engine.job.Dialect;
import io.bulwark.engine.variable.JavaValues;
import io.bulwark.engine.variable.JsonCodec;
import io.bulwark.engine.variable.SensitiveFields;
import io.bulwark.engine.variable.TypedValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Fetch and lock (Camunda 7): for each topic in order, selects unlocked or lock-expired,
 * unsuspended tasks with retries left (or none set), and claims them for the worker with an update
 * checked against the revision read. On PostgreSQL the candidates are selected {@code FOR UPDATE
 * SKIP LOCKED}; elsewhere a task another worker claimed first is skipped. No task is locked by two
 * workers at once.
 */
public final class FetchAndLockCommand implements Command<List<LockedExternalTask>> {

  private static final String CANDIDATES =
      "SELECT "
          + ExternalTaskRows.COLUMNS
          + " FROM bw_external_task x WHERE topic = ?"
          + " AND (lock_expires_at IS NULL OR lock_expires_at <= ?)"
          + " AND suspended = FALSE AND (retries IS NULL OR retries > 0)";
  private static final String BY_BUSINESS_KEY = " AND business_key = ?";

  /** Candidates read per wanted task when a process-variable filter drops some in Java. */
  private static final int FILTER_HEADROOM = 10;

  private static final String BY_AGE = " ORDER BY created_at, id LIMIT ?";
  private static final String BY_PRIORITY = " ORDER BY priority DESC, created_at, id LIMIT ?";
  private static final String CLAIM =
      "UPDATE bw_external_task SET worker_id = ?, lock_expires_at = ?, rev = rev + 1"
          + " WHERE id = ? AND rev = ?";
  private static final int MAX_NAME = 255;
  private static final Set<String> LOST_RACE = Set.of("HYT00", "40001");

  private final FetchRequest request;
  private final ExternalTaskSettings settings;
  private final JavaValues javaValues;
  private final SensitiveFields sensitive;

  public FetchAndLockCommand(
      FetchRequest request,
      ExternalTaskSettings settings,
      JsonCodec json,
      SensitiveFields sensitive) {
    this.sensitive = sensitive;
    this.request = request;
    this.settings = settings;
    this.javaValues = new JavaValues(json);
    validate();
  }

  @Override
  public Requirement requirement() {
    // FETCH_TOPIC on every topic asked for (Z2); a worker holds it on its topics only.
    return Requirement.allOf(
        request.topics().stream()
            .map(
                topic ->
                    Requirement.of(
                        ResourceType.EXTERNAL_TASK_TOPIC,
                        Permission.FETCH_TOPIC,
                        topic.topicName()))
            .toList());
  }

  @Override
  public List<LockedExternalTask> execute(CommandContext context) throws SQLException {
    Connection connection = context.connection();
    Dialect dialect = Dialect.of(connection);
    List<LockedExternalTask> result = new ArrayList<>();
    // Only tasks of no tenant and of the worker's tenants (Z3), in the candidates' one statement.
    SqlFilter tenants = context.tenantFilter(ListTarget.TenantOf.column("x.tenant_id"));
    for (TopicRequest topic : request.topics()) {
      int wanted = request.maxTasks() - result.size();
      if (wanted <= 0) {
        break;
      }
      Instant expiry = context.now().plusMillis(topic.lockDurationMillis());
      for (ExternalTaskRow row :
          candidates(connection, dialect, topic, tenants, context.now(), wanted)) {
        if (result.size() >= request.maxTasks()) {
          break;
        }
        if (matchesVariables(connection, row, topic) && claim(connection, dialect, row, expiry)) {
          ExternalTaskRow locked = row.locked(request.workerId(), expiry);
          result.add(toLocked(locked, connection, topic));
        }
      }
    }
    return result;
  }

  /** Checks the request before anything runs, without echoing caller text (W11). */
  private void validate() {
    if (request.maxTasks() < 1 || request.maxTasks() > settings.maxTasksPerFetch()) {
      throw ValidationException.of(
          "maxTasks", "range", "maxTasks must be 1.." + settings.maxTasksPerFetch());
    }
    if (request.workerId().isBlank() || request.workerId().length() > MAX_NAME) {
      throw ValidationException.of(
          "workerId", "length", "workerId must be 1.." + MAX_NAME + " characters");
    }
    for (TopicRequest topic : request.topics()) {
      if (topic.topicName().isBlank()
          || topic.topicName().length() > MAX_NAME
          || topic.topicName().chars().anyMatch(Character::isISOControl)) {
        throw ValidationException.of(
            "topicName",
            "length",
            "topicName must be 1.." + MAX_NAME + " characters without control characters");
      }
      if (topic.lockDurationMillis() < 1
          || topic.lockDurationMillis() > settings.maxLockDuration().toMillis()) {
        throw ValidationException.of(
            "lockDuration",
            "range",
            "lockDuration must be 1.." + settings.maxLockDuration().toMillis() + " milliseconds");
      }
    }
  }

  private List<ExternalTaskRow> candidates(
      Connection connection,
      Dialect dialect,
      TopicRequest topic,
      SqlFilter tenants,
      Instant now,
      int limit)
      throws SQLException {
    String sql =
        CANDIDATES
            + (topic.businessKey() == null ? "" : BY_BUSINESS_KEY)
            + in("process_definition_id", topic.processDefinitionIds().size())
            + in("process_definition_key", topic.processDefinitionKeys().size())
            + in("tenant_id", topic.tenantIds().size())
            + (tenants.isUnrestricted() ? "" : " AND " + tenants.condition())
            + (request.usePriority() ? BY_PRIORITY : BY_AGE)
            + dialect.lockClause();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      int index = 1;
      select.setString(index++, topic.topicName());
      SqlValues.bind(select, index++, now);
      if (topic.businessKey() != null) {
        select.setString(index++, topic.businessKey());
      }
      for (String value : topic.processDefinitionIds()) {
        select.setString(index++, value);
      }
      for (String value : topic.processDefinitionKeys()) {
        select.setString(index++, value);
      }
      for (String value : topic.tenantIds()) {
        select.setString(index++, value);
      }
      for (Object value : tenants.parameters()) {
        select.setString(index++, (String) value);
      }
      int candidates =
          topic.processVariables().isEmpty()
              ? limit
              : Math.min(limit * FILTER_HEADROOM, settings.maxTasksPerFetch() * FILTER_HEADROOM);
      select.setInt(index, candidates);
      try (ResultSet rs = select.executeQuery()) {
        List<ExternalTaskRow> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(ExternalTaskRows.MAPPER.map(rs));
        }
        return rows;
      }
    }
  }

  /** {@code AND column IN (?, …)} for {@code count} values; the column is a constant (E5). */
  private static String in(String column, int count) {
    return count == 0 ? "" : " AND " + column + " IN (" + "?, ".repeat(count - 1) + "?)";
  }

  /** Whether the task's execution sees every filter variable with an equal value. */
  private boolean matchesVariables(Connection connection, ExternalTaskRow row, TopicRequest topic)
      throws SQLException {
    if (topic.processVariables().isEmpty()) {
      return true;
    }
    Map<String, TypedValue> seen =
        TaskVariables.visible(
            connection,
            row.executionId(),
            List.copyOf(topic.processVariables().keySet()),
            sensitive);
    for (Map.Entry<String, Object> wanted : topic.processVariables().entrySet()) {
      if (!seen.containsKey(wanted.getKey())) {
        return false;
      }
      Object value = javaValues.toJavaKeepingJsonTree(wanted.getKey(), seen.get(wanted.getKey()));
      if (!sameValue(wanted.getValue(), value)) {
        return false;
      }
    }
    return true;
  }

  /** Equality across the number types JSON and the variable store use. */
  private static boolean sameValue(@Nullable Object wanted, @Nullable Object stored) {
    if (wanted instanceof Number a && stored instanceof Number b) {
      return (a instanceof Double || b instanceof Double)
          ? a.doubleValue() == b.doubleValue()
          : a.longValue() == b.longValue();
    }
    return java.util.Objects.equals(wanted, stored);
  }

  private boolean claim(Connection connection, Dialect dialect, ExternalTaskRow row, Instant expiry)
      throws SQLException {
    try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
      claim.setString(1, request.workerId());
      SqlValues.bind(claim, 2, expiry);
      claim.setString(3, row.id());
      claim.setLong(4, row.rev());
      return claim.executeUpdate() == 1;
    } catch (SQLException e) {
      if (dialect == Dialect.OPTIMISTIC && LOST_RACE.contains(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  private LockedExternalTask toLocked(
      ExternalTaskRow row, Connection connection, TopicRequest topic) throws SQLException {
    List<String> names = topic.variableNames();
    return new LockedExternalTask(
        row.id(),
        row.topic(),
        Objects.requireNonNull(row.workerId(), "a locked task has a worker"),
        Objects.requireNonNull(row.lockExpiresAt(), "a locked task has a lock expiry"),
        row.executionId(),
        row.processInstanceId(),
        row.processDefinitionId(),
        row.processDefinitionKey(),
        row.activityId(),
        row.businessKey(),
        row.retries(),
        row.errorMessage(),
        row.priority(),
        row.tenantId(),
        javaValues(
            topic.localVariables()
                ? TaskVariables.local(connection, row.executionId(), names, sensitive)
                : TaskVariables.visible(connection, row.executionId(), names, sensitive)));
  }

  private Map<String, Object> javaValues(Map<String, TypedValue> typed) {
    Map<String, Object> result = new LinkedHashMap<>();
    typed.forEach((name, value) -> result.put(name, javaValues.toJavaKeepingJsonTree(name, value)));
    return result;
  }
}
