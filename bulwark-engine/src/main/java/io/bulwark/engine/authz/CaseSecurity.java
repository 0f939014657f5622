package io.bulwark.engine.authz;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Case security (Z3): who may see a task or a process instance without a stored rule about it.
 *
 * <ul>
 *   <li>A task: its assignee, its owner and its candidate users and groups may read it, read its
 *       variables, work on it and claim it (as Camunda 7's default task permissions give them).
 *   <li>A process instance: the user who started it and every user who is assignee, owner or
 *       candidate (as a user or through a group) of one of its open tasks, or was assignee or
 *       candidate of one of its finished tasks, may read it, its variables and its history.
 *   <li>Both: a holder of a definition-level permission on the instance's process definition (e.g.
 *       {@code READ_TASK}, {@code READ_INSTANCE}), named by its key.
 * </ul>
 *
 * No rows are stored for open tasks: the SQL reads the tasks' own columns and candidate links, so a
 * reassignment takes effect at once; a task that ends leaves its assignee in {@code bw_hi_task} and
 * its candidates in {@code bw_hi_task_candidate}. Stateless.
 */
final class CaseSecurity {

  private static final Map<Permission, Permission> TASK_BY_DEFINITION =
      Map.of(
          Permission.READ, Permission.READ_TASK,
          Permission.READ_VARIABLE, Permission.READ_TASK,
          Permission.UPDATE, Permission.UPDATE_TASK,
          Permission.TASK_WORK, Permission.UPDATE_TASK,
          Permission.TASK_ASSIGN, Permission.UPDATE_TASK);
  private static final Map<Permission, Permission> INSTANCE_BY_DEFINITION =
      Map.of(
          Permission.READ, Permission.READ_INSTANCE,
          Permission.READ_VARIABLE, Permission.READ_INSTANCE,
          Permission.UPDATE, Permission.UPDATE_INSTANCE,
          Permission.DELETE, Permission.DELETE_INSTANCE,
          Permission.READ_HISTORY, Permission.READ_HISTORY);
  private static final Set<Permission> TASK_INVOLVED =
      Set.of(
          Permission.READ, Permission.READ_VARIABLE, Permission.TASK_WORK, Permission.TASK_ASSIGN);
  private static final Set<Permission> INSTANCE_INVOLVED =
      Set.of(Permission.READ, Permission.READ_VARIABLE, Permission.READ_HISTORY);

  private CaseSecurity() {}

  /** The permission on the process definition that implies {@code permission} on {@code type}. */
  static Optional<Permission> definitionPermission(ResourceType type, Permission permission) {
    return switch (type) {
      case TASK -> Optional.ofNullable(TASK_BY_DEFINITION.get(permission));
      case PROCESS_INSTANCE -> Optional.ofNullable(INSTANCE_BY_DEFINITION.get(permission));
      default -> Optional.empty();
    };
  }

  /** Whether being involved in a task or instance grants {@code permission} on it. */
  static boolean involvementGrants(ResourceType type, Permission permission) {
    return switch (type) {
      case TASK -> TASK_INVOLVED.contains(permission);
      case PROCESS_INSTANCE -> INSTANCE_INVOLVED.contains(permission);
      default -> false;
    };
  }

  /**
   * How a database best tests a task ID against the subject's tasks ({@link #involvedInTask}); one
   * condition does not suit both planners.
   */
  enum TaskLookup {
    /**
     * PostgreSQL: {@code = ANY (ARRAY(…))}. As a join ({@code IN} over the union) its planner
     * preferred scanning all tasks and hashing them against the union at 20,000 tasks (issue 13:
     * 461 buffers but 20,000 rows tested per list, 8 ms, against 300 key lookups, 1 ms); with an
     * array it cannot join and looks the IDs up.
     */
    ARRAY,
    /**
     * H2 (and any other database): {@code IN (SELECT …)}. H2 looks the IDs up by primary key as
     * well, and tests each row it reads against the subquery's result, kept as a hashed distinct
     * set; an {@code ARRAY(…)} it builds again for every row and searches from the start (issue 14:
     * 1,000 visible tasks made a page statement 1,000 arrays of 1,000 IDs, 25 to 250 ms).
     */
    SUBQUERY;

    /** The lookup for the database behind {@code connection}. */
    static TaskLookup of(Connection connection) throws SQLException {
      String product = connection.getMetaData().getDatabaseProductName();
      return product != null && product.toLowerCase(Locale.ROOT).contains("postgresql")
          ? ARRAY
          : SUBQUERY;
    }
  }

  /**
   * The condition "the subject is involved in the task whose ID is in {@code taskIdColumn}": the ID
   * is one of those that a union of index lookups collects once, tested as {@code lookup} says, so
   * that both databases read the few matching tasks by their primary key. The union sits in a
   * derived table: H2 evaluates a bare union again for every row it checks.
   */
  static Sql involvedInTask(String taskIdColumn, Subject subject, TaskLookup lookup) {
    Sql tasks = tasksOf(subject);
    String ids = derived(tasks.text(), "id");
    return new Sql(
        lookup == TaskLookup.ARRAY
            ? taskIdColumn + " = ANY (ARRAY" + ids + ")"
            : taskIdColumn + " IN " + ids,
        tasks.values());
  }

  /**
   * The condition "the subject started or is involved in the instance in {@code idColumn}": now
   * (assignee, owner or candidate of an open task) or before (assignee or candidate of a finished
   * task, kept in {@code bw_hi_task} and {@code bw_hi_task_candidate}).
   */
  static Sql involvedInInstance(String idColumn, String startedByColumn, Subject subject) {
    Sql tasks = tasksOf(subject);
    List<Object> values = new ArrayList<>();
    values.add(subject.userId());
    values.addAll(tasks.values());
    values.add(subject.userId());
    values.add(subject.userId());
    StringBuilder text =
        new StringBuilder("(")
            .append(startedByColumn)
            .append(" = ? OR ")
            .append(idColumn)
            .append(" IN (SELECT iv.process_instance_id FROM (")
            .append("SELECT ti.process_instance_id FROM bw_task ti WHERE ti.id IN ")
            .append(derived(tasks.text(), "id"))
            .append(" UNION ALL SELECT hi.process_instance_id FROM bw_hi_task hi")
            .append(" WHERE hi.assignee = ?")
            .append(" UNION ALL SELECT hu.process_instance_id FROM bw_hi_task_candidate hu")
            .append(" WHERE hu.user_id = ?");
    if (!subject.groupIds().isEmpty()) {
      text.append(" UNION ALL SELECT hg.process_instance_id FROM bw_hi_task_candidate hg")
          .append(" WHERE hg.group_id IN (")
          .append(GrantRepository.marks(subject.groupIds().size()))
          .append(')');
      values.addAll(subject.groupIds().stream().sorted().toList());
    }
    return new Sql(text.append(") iv))").toString(), values);
  }

  /**
   * The open tasks the subject is involved in, as {@link #involvedInTask} finds them, with the
   * columns {@code id, created_at, tenant_id} read from the indexes that find them: the task's own
   * for assignee and owner, the candidate links' copies of their task's creation time and tenant
   * for candidates (db/migration/V330). A task may come more than once.
   */
  static Sql involvedTaskKeys(Subject subject) {
    List<Object> values = new ArrayList<>();
    StringBuilder text =
        new StringBuilder("SELECT ia.id, ia.created_at, ia.tenant_id FROM bw_task ia")
            .append(" WHERE ia.assignee = ?")
            .append(" UNION ALL SELECT io.id, io.created_at, io.tenant_id FROM bw_task io")
            .append(" WHERE io.owner = ?")
            .append(" UNION ALL SELECT lu.task_id, lu.task_created_at, lu.task_tenant_id")
            .append(" FROM bw_task_identity_link lu WHERE lu.user_id = ?");
    values.add(subject.userId());
    values.add(subject.userId());
    values.add(subject.userId());
    if (!subject.groupIds().isEmpty()) {
      text.append(" UNION ALL SELECT lg.task_id, lg.task_created_at, lg.task_tenant_id")
          .append(" FROM bw_task_identity_link lg WHERE lg.group_id IN (")
          .append(GrantRepository.marks(subject.groupIds().size()))
          .append(')');
      values.addAll(subject.groupIds().stream().sorted().toList());
    }
    return new Sql(text.toString(), values);
  }

  /** {@code (SELECT iu.column FROM (union) iu)}: see {@link #involvedInTask}. */
  private static String derived(String union, String column) {
    return "(SELECT iu." + column + " FROM (" + union + ") iu)";
  }

  /** The IDs of the open tasks the subject is assignee, owner or candidate of. */
  private static Sql tasksOf(Subject subject) {
    List<Object> values = new ArrayList<>();
    StringBuilder text =
        new StringBuilder("SELECT ia.id FROM bw_task ia WHERE ia.assignee = ?")
            .append(" UNION ALL SELECT io.id FROM bw_task io WHERE io.owner = ?")
            .append(
                " UNION ALL SELECT lu.task_id FROM bw_task_identity_link lu WHERE lu.user_id = ?");
    values.add(subject.userId());
    values.add(subject.userId());
    values.add(subject.userId());
    if (!subject.groupIds().isEmpty()) {
      text.append(
              " UNION ALL SELECT lg.task_id FROM bw_task_identity_link lg WHERE lg.group_id IN (")
          .append(GrantRepository.marks(subject.groupIds().size()))
          .append(')');
      values.addAll(subject.groupIds().stream().sorted().toList());
    }
    return new Sql(text.toString(), values);
  }

  /** A SQL fragment with its bound values. */
  record Sql(String text, List<Object> values) {
    Sql {
      values = List.copyOf(values);
    }
  }
}
