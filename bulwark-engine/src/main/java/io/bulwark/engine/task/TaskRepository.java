package io.bulwark.engine.task;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.command.QueryShape;
import io.bulwark.engine.runtime.RuntimeRows;
import io.bulwark.engine.runtime.TaskRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads tasks and their candidate links with hand-written, parameterized SQL (E5). */
final class TaskRepository {

  static final QueryShape SHAPE =
      QueryShape.of(
          "task",
          RuntimeRows.TASK_COLUMNS,
          "bw_task t",
          Map.of(
              "id", "t.id",
              "name", "t.name",
              "assignee", "t.assignee",
              "created", "t.created_at",
              "dueDate", "t.due_date",
              "followUpDate", "t.follow_up_date",
              "priority", "t.priority",
              "instanceId", "t.process_instance_id",
              "executionId", "t.execution_id"),
          "t.id");

  private TaskRepository() {}

  static TaskRow find(Connection connection, String taskId) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT " + RuntimeRows.TASK_COLUMNS + " FROM bw_task t WHERE t.id = ?")) {
      statement.setString(1, taskId);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("task " + taskId + " does not exist");
        }
        return RuntimeRows.TASK_MAPPER.map(rs);
      }
    }
  }

  /** A candidate link of a task: exactly one of user and group is set. */
  record Link(String id, @Nullable String userId, @Nullable String groupId) {}

  /** The candidate links of one task, users first. */
  static List<Link> links(Connection connection, String taskId) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT id, user_id, group_id FROM bw_task_identity_link WHERE task_id = ?"
                + " ORDER BY user_id, group_id, id")) {
      statement.setString(1, taskId);
      try (ResultSet rs = statement.executeQuery()) {
        List<Link> links = new ArrayList<>();
        while (rs.next()) {
          links.add(new Link(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
        return links;
      }
    }
  }

  /** Whether history shows the task as ended (a completion that raced with another one). */
  static boolean endedInHistory(Connection connection, String taskId) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT 1 FROM bw_hi_task WHERE id = ? AND ended_at IS NOT NULL")) {
      statement.setString(1, taskId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Views of the rows with their candidates, loaded with one query for all of them. */
  static List<TaskView> views(Connection connection, List<TaskRow> rows) throws SQLException {
    Map<String, List<String>> users = new HashMap<>();
    Map<String, List<String>> groups = new HashMap<>();
    if (!rows.isEmpty()) {
      String marks = "?" + ", ?".repeat(rows.size() - 1);
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT task_id, user_id, group_id FROM bw_task_identity_link WHERE task_id IN ("
                  + marks
                  + ") ORDER BY user_id, group_id")) {
        for (int i = 0; i < rows.size(); i++) {
          statement.setString(i + 1, rows.get(i).id());
        }
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            String task = rs.getString(1);
            if (rs.getString(2) != null) {
              users.computeIfAbsent(task, k -> new ArrayList<>()).add(rs.getString(2));
            } else {
              groups.computeIfAbsent(task, k -> new ArrayList<>()).add(rs.getString(3));
            }
          }
        }
      }
    }
    java.util.Set<String> suspended = suspendedInstances(connection, rows);
    List<TaskView> views = new ArrayList<>();
    for (TaskRow t : rows) {
      views.add(
          view(
              t,
              users.getOrDefault(t.id(), List.of()),
              groups.getOrDefault(t.id(), List.of()),
              suspended.contains(t.processInstanceId())));
    }
    return views;
  }

  /**
   * Columns of a page of tasks ({@link io.bulwark.engine.command.ListQuery#page}) that carry each
   * task's candidate users and groups and its instance's suspension, so that a page of views is one
   * statement: two index lookups per task of the page (its links by task ID, its root execution),
   * none for the other matching tasks. The candidates come in one array, each a user ID prefixed
   * with {@code u} or a group ID prefixed with {@code g}, each kind in the order of its IDs (issue
   * 13: one lookup of the task's links instead of two, of which the one for users went through the
   * index of every candidate user).
   */
  static final String PAGE_COLUMNS =
      "(SELECT ARRAY_AGG(CASE WHEN cl.user_id IS NULL THEN 'g' || cl.group_id"
          + " ELSE 'u' || cl.user_id END ORDER BY cl.user_id, cl.group_id)"
          + " FROM bw_task_identity_link cl WHERE cl.task_id = p.id) AS bw_candidates,"
          + " (SELECT se.suspended FROM bw_execution se WHERE se.id = p.process_instance_id"
          + " AND se.parent_id IS NULL) AS bw_suspended";

  /** A task view from a row of a page read with {@link #PAGE_COLUMNS}. */
  static final io.bulwark.engine.command.RowMapper<TaskView> PAGE_VIEW =
      rs -> {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (String candidate : strings(rs.getArray("bw_candidates"))) {
          (candidate.charAt(0) == 'u' ? users : groups).add(candidate.substring(1));
        }
        return view(RuntimeRows.TASK_MAPPER.map(rs), users, groups, rs.getBoolean("bw_suspended"));
      };

  private static List<String> strings(java.sql.@Nullable Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    try {
      List<String> values = new ArrayList<>();
      for (Object value : (Object[]) array.getArray()) {
        values.add((String) value);
      }
      return values;
    } finally {
      array.free();
    }
  }

  private static TaskView view(
      TaskRow t, List<String> users, List<String> groups, boolean suspended) {
    return new TaskView(
        t.id(),
        t.name(),
        t.taskDefinitionKey(),
        t.processInstanceId(),
        t.processDefinitionId(),
        t.processDefinitionKey(),
        t.assignee(),
        t.priority(),
        t.dueDate(),
        t.createdAt(),
        t.formKey(),
        users,
        groups,
        t.executionId(),
        t.owner(),
        t.delegationState(),
        t.followUpDate(),
        t.tenantId(),
        suspended);
  }

  /** The process instances of {@code rows} that are suspended, with one query. */
  private static java.util.Set<String> suspendedInstances(Connection connection, List<TaskRow> rows)
      throws SQLException {
    java.util.Set<String> instances = new java.util.TreeSet<>();
    rows.forEach(t -> instances.add(t.processInstanceId()));
    java.util.Set<String> suspended = new java.util.HashSet<>();
    if (instances.isEmpty()) {
      return suspended;
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT id FROM bw_execution WHERE suspended = ? AND parent_id IS NULL AND id IN (?"
                + ", ?".repeat(instances.size() - 1)
                + ")")) {
      statement.setBoolean(1, true);
      int index = 2;
      for (String id : instances) {
        statement.setString(index++, id);
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          suspended.add(rs.getString(1));
        }
      }
    }
    return suspended;
  }
}
