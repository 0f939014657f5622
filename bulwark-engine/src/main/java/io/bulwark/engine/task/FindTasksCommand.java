package io.bulwark.engine.task;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.PresumedFilter;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.KeyedPage;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.command.SortDirection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Lists tasks a page at a time, filtered by the actor's READ permission in SQL (Z2, Z3, W8). Every
 * filter value is a bound parameter (E5); sort keys come from {@link TaskQuery.Sort}.
 */
public final class FindTasksCommand implements Command<Page<TaskView>> {

  /** Longest filter string (the widest task column). */
  static final int MAX_TEXT = 255;

  /** Most sort keys in one query. */
  static final int MAX_SORT_KEYS = 5;

  /** The rows the READ filter restricts: tasks under the shape's alias. */
  private static final ListTarget TARGET = ListTarget.tasks("t");

  private final TaskQuery query;

  public FindTasksCommand(TaskQuery query) {
    if (query == null) {
      throw ValidationException.of("query", "required", "a task query is required");
    }
    this.query = query;
    text("assignee", query.assignee());
    text("assigneeLike", query.assigneeLike());
    text("owner", query.owner());
    text("candidateUser", query.candidateUser());
    text("processInstanceId", query.processInstanceId());
    text("processInstanceBusinessKey", query.processInstanceBusinessKey());
    text("processInstanceBusinessKeyLike", query.processInstanceBusinessKeyLike());
    text("processDefinitionKey", query.processDefinitionKey());
    text("processDefinitionId", query.processDefinitionId());
    text("executionId", query.executionId());
    text("taskDefinitionKey", query.taskDefinitionKey());
    text("name", query.name());
    text("nameLike", query.nameLike());
    text("nameLike", query.nameLikeIgnoreCase());
    if (query.candidateGroups() != null) {
      if (query.candidateGroups().size() > ListQuery.Builder.MAX_IN_VALUES) {
        throw ValidationException.of(
            "candidateGroups",
            "maxitems",
            "at most " + ListQuery.Builder.MAX_IN_VALUES + " candidate groups (W11)");
      }
      query.candidateGroups().forEach(g -> text("candidateGroups", g));
    }
    if (query.delegationState() != null
        && !List.of("PENDING", "RESOLVED").contains(query.delegationState())) {
      throw ValidationException.of(
          "delegationState", "enum", "delegationState must be PENDING or RESOLVED");
    }
    if (query.sorting().size() > MAX_SORT_KEYS) {
      throw ValidationException.of(
          "sorting", "maxitems", "at most " + MAX_SORT_KEYS + " sort keys (W11)");
    }
  }

  private static void text(String field, @Nullable String value) {
    if (value != null && value.length() > MAX_TEXT) {
      throw ValidationException.of(
          field, "maxlength", field + " must have at most " + MAX_TEXT + " characters");
    }
  }

  /**
   * One statement, which checks in its own snapshot that the actor holds no rule about tasks; the
   * grant read and a second statement only when it does, and they need no common snapshot.
   */
  @Override
  public boolean readOnly() {
    return true;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("lists only tasks the authorization filter lets the actor read");
  }

  @Override
  public Page<TaskView> execute(CommandContext context) throws SQLException {
    Optional<PresumedFilter> presumed = context.presumedListFilter(TARGET, Permission.READ);
    if (presumed.isPresent()) {
      Optional<ListQuery.Totalled<TaskView>> page = presumedPage(context, presumed.get());
      if (page.isPresent()) {
        return new Page<>(page.get().rows(), page.get().total());
      }
    }
    ListQuery.Totalled<TaskView> page =
        ordered(filtered(context))
            .build()
            .page(context.connection(), TaskRepository.PAGE_COLUMNS, TaskRepository.PAGE_VIEW);
    return new Page<>(page.rows(), page.total());
  }

  /**
   * The page with the presumed filter, in one statement: through the keys of the tasks the actor
   * may see when the query has no other condition and sorts by creation only (the inbox: only the
   * page's tasks are read, issue 13), else with the filter; empty when the actor holds a rule.
   */
  private Optional<ListQuery.Totalled<TaskView>> presumedPage(
      CommandContext context, PresumedFilter presumed) throws SQLException {
    Optional<KeyedPage> keyed =
        presumed.keys().isPresent()
            ? ordered(conditions()).keyed(presumed.keys().get())
            : Optional.empty();
    if (keyed.isPresent()) {
      return keyed
          .get()
          .pageIfHolds(
              context.connection(),
              TaskRepository.PAGE_COLUMNS,
              presumed.noRules(),
              TaskRepository.PAGE_VIEW);
    }
    return ordered(conditions().authorizationFilter(presumed.filter()))
        .build()
        .pageIfHolds(
            context.connection(),
            TaskRepository.PAGE_COLUMNS,
            presumed.noRules(),
            TaskRepository.PAGE_VIEW);
  }

  /** The query's sorting and page. */
  private ListQuery.Builder ordered(ListQuery.Builder builder) {
    for (TaskQuery.Order order : query.sorting()) {
      builder.orderBy(sortKey(order.key()), SortDirection.valueOf(order.direction().name()));
    }
    return builder
        .orderBy("created", SortDirection.ASC)
        .page(query.firstResult(), query.maxResults());
  }

  /**
   * The count of {@link CountTasksCommand}: with the presumed filter when the actor holds no rule
   * about tasks (one statement, through the keys when the query has no other condition), else with
   * the rules read.
   */
  long count(CommandContext context) throws SQLException {
    Optional<PresumedFilter> presumed = context.presumedListFilter(TARGET, Permission.READ);
    if (presumed.isPresent()) {
      Optional<KeyedPage> keyed =
          presumed.get().keys().isPresent()
              ? conditions().page(0, 1).keyed(presumed.get().keys().get())
              : Optional.empty();
      OptionalLong count =
          keyed.isPresent()
              ? keyed.get().countIfHolds(context.connection(), presumed.get().noRules())
              : conditions()
                  .authorizationFilter(presumed.get().filter())
                  .countIfHolds(context.connection(), presumed.get().noRules());
      if (count.isPresent()) {
        return count.getAsLong();
      }
    }
    return filtered(context).count(context.connection());
  }

  /**
   * The query's conditions and the actor's READ filter (Z2, Z3): the one filter of the task list
   * and of {@link CountTasksCommand}, so that a count equals the length of the unpaged list.
   */
  private ListQuery.Builder filtered(CommandContext context) throws SQLException {
    return conditions().authorizationFilter(context.listFilter(TARGET, Permission.READ));
  }

  /** The query's conditions, without the authorization filter. */
  private ListQuery.Builder conditions() {
    ListQuery.Builder builder = TaskRepository.SHAPE.query();
    equal(builder, "t.assignee", query.assignee());
    like(builder, "t.assignee", query.assigneeLike());
    equal(builder, "t.owner", query.owner());
    equal(builder, "t.delegation_state", query.delegationState());
    equal(builder, "t.process_instance_id", query.processInstanceId());
    equal(builder, "t.process_definition_key", query.processDefinitionKey());
    equal(builder, "t.process_definition_id", query.processDefinitionId());
    equal(builder, "t.execution_id", query.executionId());
    equal(builder, "t.task_definition_key", query.taskDefinitionKey());
    equal(builder, "t.name", query.name());
    like(builder, "t.name", query.nameLike());
    if (query.nameLikeIgnoreCase() != null) {
      builder.where("LOWER(t.name) LIKE ?", query.nameLikeIgnoreCase().toLowerCase(Locale.ROOT));
    }
    if (query.unassigned()) {
      builder.where("t.assignee IS NULL");
    }
    if (query.assigned()) {
      builder.where("t.assignee IS NOT NULL");
    }
    businessKey(builder);
    time(builder, "t.due_date", query.dueAfter(), query.dueBefore());
    time(builder, "t.follow_up_date", query.followUpAfter(), query.followUpBefore());
    time(builder, "t.created_at", query.createdAfter(), query.createdBefore());
    if (query.priority() != null) {
      builder.where("t.priority = ?", query.priority());
    }
    if (query.minPriority() != null) {
      builder.where("t.priority >= ?", query.minPriority());
    }
    if (query.maxPriority() != null) {
      builder.where("t.priority <= ?", query.maxPriority());
    }
    candidates(builder);
    return builder;
  }

  private static String sortKey(TaskQuery.Sort key) {
    return switch (key) {
      case ID -> "id";
      case NAME -> "name";
      case ASSIGNEE -> "assignee";
      case CREATED -> "created";
      case DUE_DATE -> "dueDate";
      case FOLLOW_UP_DATE -> "followUpDate";
      case PRIORITY -> "priority";
      case PROCESS_INSTANCE_ID -> "instanceId";
      case EXECUTION_ID -> "executionId";
    };
  }

  private void businessKey(ListQuery.Builder builder) {
    // The root execution of an instance has the instance's ID and holds its business key.
    if (query.processInstanceBusinessKey() != null) {
      builder.where(
          "EXISTS (SELECT 1 FROM bw_execution bk WHERE bk.id = t.process_instance_id"
              + " AND bk.business_key = ?)",
          query.processInstanceBusinessKey());
    }
    if (query.processInstanceBusinessKeyLike() != null) {
      builder.where(
          "EXISTS (SELECT 1 FROM bw_execution bk WHERE bk.id = t.process_instance_id"
              + " AND bk.business_key LIKE ?)",
          query.processInstanceBusinessKeyLike());
    }
  }

  private static void equal(ListQuery.Builder builder, String column, @Nullable String value) {
    if (value != null) {
      builder.where(column + " = ?", value);
    }
  }

  /** A LIKE pattern from the caller, bound as a parameter (E5). */
  private static void like(ListQuery.Builder builder, String column, @Nullable String pattern) {
    if (pattern != null) {
      builder.where(column + " LIKE ?", pattern);
    }
  }

  private static void time(
      ListQuery.Builder builder, String column, @Nullable Instant after, @Nullable Instant before) {
    if (after != null) {
      builder.where(column + " > ?", after);
    }
    if (before != null) {
      builder.where(column + " < ?", before);
    }
  }

  private void candidates(ListQuery.Builder builder) {
    List<String> ors = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (query.candidateUser() != null) {
      ors.add(
          "l.user_id = ? OR l.group_id IN (SELECT m.group_id FROM bw_membership m"
              + " WHERE m.user_id = ?)");
      values.add(query.candidateUser());
      values.add(query.candidateUser());
    }
    if (query.candidateGroups() != null && !query.candidateGroups().isEmpty()) {
      ors.add("l.group_id IN (?" + ", ?".repeat(query.candidateGroups().size() - 1) + ")");
      values.addAll(query.candidateGroups().stream().sorted().toList());
    } else if (query.candidateGroups() != null && query.candidateUser() == null) {
      builder.where("1 = 0");
      return;
    }
    if (!ors.isEmpty()) {
      builder.where(
          (query.includeAssignedTasks() ? "" : "t.assignee IS NULL AND ")
              + "EXISTS (SELECT 1 FROM bw_task_identity_link l"
              + " WHERE l.task_id = t.id AND ("
              + String.join(" OR ", ors)
              + "))",
          values.toArray());
    }
  }
}
