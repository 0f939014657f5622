package io.bulwark.engine.task;

import io.bulwark.engine.api.TaskIdentityLink;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeRows;
import io.bulwark.engine.runtime.TaskRow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Lists (task READ), adds or removes (task TASK_ASSIGN) the identity links of a task. The list
 * holds the assignee and the owner (types {@code assignee}, {@code owner}) and the candidate users
 * and groups; only candidate links are added or removed here (the assignee and owner change through
 * claim, assign and delegate). Adding a link that exists, or removing one that does not, changes
 * nothing. Returns the links after the change.
 */
public final class TaskIdentityLinksCommand implements Command<List<TaskIdentityLink>> {

  private enum Change {
    NONE,
    ADD,
    REMOVE
  }

  private final ProcessRuntime runtime;
  private final String taskId;
  private final Change change;
  private final @Nullable TaskIdentityLink link;

  private TaskIdentityLinksCommand(
      ProcessRuntime runtime, String taskId, Change change, @Nullable TaskIdentityLink link) {
    if (taskId == null || taskId.isBlank()) {
      throw ValidationException.of("taskId", "required", "a task ID is required");
    }
    if (link != null) {
      check(link);
    }
    this.runtime = runtime;
    this.taskId = taskId;
    this.change = change;
    this.link = link;
  }

  public static TaskIdentityLinksCommand list(ProcessRuntime runtime, String taskId) {
    return new TaskIdentityLinksCommand(runtime, taskId, Change.NONE, null);
  }

  public static TaskIdentityLinksCommand add(
      ProcessRuntime runtime, String taskId, @Nullable TaskIdentityLink link) {
    return new TaskIdentityLinksCommand(runtime, taskId, Change.ADD, required(link));
  }

  public static TaskIdentityLinksCommand remove(
      ProcessRuntime runtime, String taskId, @Nullable TaskIdentityLink link) {
    return new TaskIdentityLinksCommand(runtime, taskId, Change.REMOVE, required(link));
  }

  private static TaskIdentityLink required(@Nullable TaskIdentityLink link) {
    if (link == null) {
      throw ValidationException.of("link", "required", "an identity link is required");
    }
    return link;
  }

  private static void check(TaskIdentityLink link) {
    if ((link.userId() == null) == (link.groupId() == null)) {
      throw ValidationException.of(
          link.userId() == null ? "userId" : "groupId",
          "oneof",
          "an identity link names exactly one of userId and groupId");
    }
    String id = link.userId() != null ? link.userId() : link.groupId();
    if (id.isBlank() || id.length() > FindTasksCommand.MAX_TEXT) {
      throw ValidationException.of(
          link.userId() != null ? "userId" : "groupId",
          "length",
          "an identity link's user or group ID has 1.."
              + FindTasksCommand.MAX_TEXT
              + " characters");
    }
    if (!TaskIdentityLink.CANDIDATE.equals(link.type())) {
      throw ValidationException.of(
          "type",
          "enum",
          "only candidate links are added or removed; the assignee and owner change through"
              + " claim, assignee and delegate");
    }
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(
        ResourceType.TASK,
        change == Change.NONE ? Permission.READ : Permission.TASK_ASSIGN,
        taskId);
  }

  @Override
  public List<TaskIdentityLink> execute(CommandContext context) throws SQLException {
    TaskRow task = TaskRepository.find(context.connection(), taskId);
    List<TaskRepository.Link> candidates = TaskRepository.links(context.connection(), taskId);
    List<TaskRepository.Link> after = new ArrayList<>(candidates);
    TaskRepository.Link existing =
        link == null
            ? null
            : candidates.stream()
                .filter(
                    l ->
                        Objects.equals(l.userId(), link.userId())
                            && Objects.equals(l.groupId(), link.groupId()))
                .findFirst()
                .orElse(null);
    if (link != null && change == Change.ADD && existing == null) {
      String id = RowIds.next();
      context
          .unitOfWork()
          .insert(
              RuntimeRows.IDENTITY_LINK,
              RuntimeRows.IdentityLinkRow.of(id, task, link.userId(), link.groupId()));
      after.add(new TaskRepository.Link(id, link.userId(), link.groupId()));
      log(context, task, link, "AddIdentityLink");
    } else if (link != null && change == Change.REMOVE && existing != null) {
      context.unitOfWork().delete(RuntimeRows.IDENTITY_LINK, existing.id());
      after.remove(existing);
      log(context, task, link, "DeleteIdentityLink");
    }
    List<TaskIdentityLink> result = new ArrayList<>();
    if (task.assignee() != null) {
      result.add(new TaskIdentityLink(task.assignee(), null, TaskIdentityLink.ASSIGNEE));
    }
    if (task.owner() != null) {
      result.add(new TaskIdentityLink(task.owner(), null, TaskIdentityLink.OWNER));
    }
    after.sort(
        Comparator.comparing((TaskRepository.Link l) -> l.userId() == null)
            .thenComparing(l -> l.userId() == null ? l.groupId() : l.userId()));
    after.forEach(
        l -> result.add(new TaskIdentityLink(l.userId(), l.groupId(), TaskIdentityLink.CANDIDATE)));
    return result;
  }

  private void log(CommandContext context, TaskRow task, TaskIdentityLink link, String operation) {
    new HistoryRecorder(context, runtime.historyLevel())
        .operation(
            operation,
            HistoryRecorder.Entity.TASK,
            taskId,
            task.processInstanceId(),
            link.userId() != null ? "candidateUser" : "candidateGroup",
            null,
            link.userId() != null ? link.userId() : link.groupId());
  }
}
