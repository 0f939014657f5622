package io.bulwark.engine.task;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.TaskComment;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.command.RowWriter;
import io.bulwark.engine.command.SqlValues;
import io.bulwark.engine.command.Versioning;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.TaskRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Adds a comment to an open task (TASK_WORK), or lists its comments or reads one (READ on the
 * task). A message has 1..{@value TaskComment#MAX_MESSAGE_LENGTH} characters and is stored as
 * given; its author is the acting user. Lists hold at most {@value #MAX_COMMENTS} comments, oldest
 * first (W8).
 */
public final class TaskCommentsCommand implements Command<List<TaskComment>> {

  /** Most comments returned for one task. */
  static final int MAX_COMMENTS = 2000;

  private static final RowWriter<TaskComment> WRITER =
      RowWriter.of(
          "bw_task_comment",
          Versioning.NONE,
          TaskComment::id,
          List.of("task_id", "process_instance_id", "user_id", "created_at", "message"),
          c -> Arrays.asList(c.taskId(), c.processInstanceId(), c.userId(), c.time(), c.message()));

  private final ProcessRuntime runtime;
  private final String taskId;
  private final @Nullable String commentId;
  private final @Nullable String message;

  private TaskCommentsCommand(
      ProcessRuntime runtime, String taskId, @Nullable String commentId, @Nullable String message) {
    if (taskId == null || taskId.isBlank()) {
      throw ValidationException.of("taskId", "required", "a task ID is required");
    }
    this.runtime = runtime;
    this.taskId = taskId;
    this.commentId = commentId;
    this.message = message;
  }

  public static TaskCommentsCommand list(ProcessRuntime runtime, String taskId) {
    return new TaskCommentsCommand(runtime, taskId, null, null);
  }

  public static TaskCommentsCommand get(
      ProcessRuntime runtime, String taskId, @Nullable String commentId) {
    if (commentId == null || commentId.isBlank()) {
      throw ValidationException.of("commentId", "required", "a comment ID is required");
    }
    return new TaskCommentsCommand(runtime, taskId, commentId, null);
  }

  public static TaskCommentsCommand add(
      ProcessRuntime runtime, String taskId, @Nullable String message) {
    if (message == null || message.isBlank()) {
      throw ValidationException.of("message", "required", "a comment needs a message");
    }
    if (message.length() > TaskComment.MAX_MESSAGE_LENGTH) {
      throw ValidationException.of(
          "message",
          "maxlength",
          "a comment has at most " + TaskComment.MAX_MESSAGE_LENGTH + " characters");
    }
    return new TaskCommentsCommand(runtime, taskId, null, message);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(
        ResourceType.TASK, message != null ? Permission.TASK_WORK : Permission.READ, taskId);
  }

  @Override
  public List<TaskComment> execute(CommandContext context) throws SQLException {
    TaskRow task = TaskRepository.find(context.connection(), taskId);
    if (message != null) {
      TaskComment comment =
          new TaskComment(
              RowIds.next(),
              taskId,
              task.processInstanceId(),
              context.actor().userId(),
              context.now().truncatedTo(ChronoUnit.MICROS),
              message);
      context.unitOfWork().insert(WRITER, comment);
      new HistoryRecorder(context, runtime.historyLevel())
          .operation(
              "AddComment", HistoryRecorder.Entity.TASK, taskId, task.processInstanceId(), null);
      return List.of(comment);
    }
    List<TaskComment> comments = read(context);
    if (commentId != null && comments.isEmpty()) {
      throw new NotFoundException(
          "comment " + commentId + " of task " + taskId + " does not exist");
    }
    return comments;
  }

  private List<TaskComment> read(CommandContext context) throws SQLException {
    String sql =
        "SELECT id, task_id, process_instance_id, user_id, created_at, message"
            + " FROM bw_task_comment WHERE task_id = ?"
            + (commentId != null ? " AND id = ?" : "")
            + " ORDER BY created_at, id LIMIT "
            + MAX_COMMENTS;
    try (PreparedStatement statement = context.connection().prepareStatement(sql)) {
      statement.setString(1, taskId);
      if (commentId != null) {
        statement.setString(2, commentId);
      }
      try (ResultSet rs = statement.executeQuery()) {
        List<TaskComment> comments = new ArrayList<>();
        while (rs.next()) {
          comments.add(
              new TaskComment(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  SqlValues.requiredInstant(rs, "created_at"),
                  rs.getString(6)));
        }
        return comments;
      }
    }
  }
}
