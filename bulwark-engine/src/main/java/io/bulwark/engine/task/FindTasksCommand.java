package io.bulwark.engine.task;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.command.SortDirection;
import io.bulwark.engine.runtime.RuntimeRows;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Lists tasks a page at a time, filtered by the actor's READ permission in SQL (Z2, Z3, W8). */
public final class FindTasksCommand implements Command<Page<TaskView>> {

  private final TaskQuery query;

  public FindTasksCommand(TaskQuery query) {
    this.query = query;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("lists only tasks the authorization filter lets the actor read");
  }

  @Override
  public Page<TaskView> execute(CommandContext context) throws SQLException {
    ListQuery.Builder builder = TaskRepository.SHAPE.query();
    if (query.assignee() != null) {
      builder.where("t.assignee = ?", query.assignee());
    }
    if (query.processInstanceId() != null) {
      builder.where("t.process_instance_id = ?", query.processInstanceId());
    }
    if (query.processDefinitionKey() != null) {
      builder.where("t.process_definition_key = ?", query.processDefinitionKey());
    }
    candidates(builder);
    ListQuery list =
        builder
            .orderBy("created", SortDirection.ASC)
            .page(query.firstResult(), query.maxResults())
            .authorizationFilter(context.listFilter(ListTarget.tasks("t"), Permission.READ))
            .build();
    var rows = list.list(context.connection(), RuntimeRows.TASK_MAPPER);
    long total = list.count(context.connection());
    return new Page<>(TaskRepository.views(context.connection(), rows), total);
  }

  private void candidates(ListQuery.Builder builder) {
    List<String> ors = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (query.candidateUser() != null) {
      ors.add("l.user_id = ?");
      values.add(query.candidateUser());
    }
    if (query.candidateGroups() != null && !query.candidateGroups().isEmpty()) {
      if (query.candidateGroups().size() > ListQuery.Builder.MAX_IN_VALUES) {
        throw new ValidationException(
            "at most " + ListQuery.Builder.MAX_IN_VALUES + " candidate groups (W11)");
      }
      ors.add("l.group_id IN (?" + ", ?".repeat(query.candidateGroups().size() - 1) + ")");
      values.addAll(query.candidateGroups().stream().sorted().toList());
    }
    if (!ors.isEmpty()) {
      builder.where(
          "t.assignee IS NULL AND EXISTS (SELECT 1 FROM bw_task_identity_link l"
              + " WHERE l.task_id = t.id AND ("
              + String.join(" OR ", ors)
              + "))",
          values.toArray());
    }
  }
}
