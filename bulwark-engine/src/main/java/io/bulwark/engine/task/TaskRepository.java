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

/** Reads tasks and their candidate links with hand-written, parameterized SQL (E5). */
final class TaskRepository {

  static final QueryShape SHAPE =
      QueryShape.of(
          "task",
          RuntimeRows.TASK_COLUMNS,
          "bw_task t",
          Map.of("created", "t.created_at", "priority", "t.priority", "dueDate", "t.due_date"),
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
    List<TaskView> views = new ArrayList<>();
    for (TaskRow t : rows) {
      views.add(
          new TaskView(
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
              users.getOrDefault(t.id(), List.of()),
              groups.getOrDefault(t.id(), List.of())));
    }
    return views;
  }
}
