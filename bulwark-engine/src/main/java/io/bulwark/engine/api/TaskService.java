package io.bulwark.engine.api;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** User tasks. Every method takes the acting principal (Z2). */
public interface TaskService {

  Page<TaskView> findTasks(Principal principal, TaskQuery query);

  /**
   * How many tasks {@link #findTasks} lists for {@code query} on all its pages: the same conditions
   * and authorization filter (Z2, Z3) in one {@code COUNT(*)} statement; the query's page and
   * sorting are ignored.
   */
  long countTasks(Principal principal, TaskQuery query);

  TaskView getTask(Principal principal, String taskId);

  /**
   * The fields of the task's form ({@code camunda:formField}, W10) in model order; empty when the
   * model declares none. Needs READ on the task.
   */
  List<TaskFormField> getFormFields(Principal principal, String taskId);

  /**
   * The task's Camunda Form ({@code camunda:formRef} or a {@code camunda-forms:deployment:} form
   * key), empty when the model names none; its inputs are also {@link #getFormFields}, checked on
   * every submission (W10). Needs READ on the task.
   */
  java.util.Optional<CamundaFormView> getCamundaForm(Principal principal, String taskId);

  /** Assigns the task to {@code userId}; conflict when another user has claimed it. */
  void claim(Principal principal, String taskId, @Nullable String userId);

  void unclaim(Principal principal, String taskId);

  /**
   * Completes the task, sets the variables on its process instance and continues it. Of two
   * concurrent completions exactly one succeeds; the other gets a conflict.
   *
   * <p>When the task declares form fields (W10), the variables are validated against them first:
   * only declared fields may be submitted, read-only fields not at all; each value must have its
   * field's type (string, long, boolean, date, or an enum value id; no conversion from strings) and
   * meet its constraints (minlength, maxlength, min, max); a required field must have a non-empty
   * value, submitted or already set. A task without form fields accepts any variables.
   *
   * @throws ValidationException naming the field and the rules it breaks ({@code undeclared},
   *     {@code readonly}, {@code type}, {@code enum}, {@code required}, {@code minlength}, {@code
   *     maxlength}, {@code min}, {@code max}); nothing was written and the task stays open
   */
  void complete(Principal principal, String taskId, Map<String, Object> variables);

  /**
   * As {@link #complete}, and returns the instance's variables as they are once the submitted ones
   * are set, before the instance continues (Camunda's {@code withVariablesInReturn}).
   */
  Map<String, Object> completeWithVariablesInReturn(
      Principal principal, String taskId, Map<String, Object> variables);

  /**
   * The variables a form of the task shows: the process variables visible to the task, and for each
   * form field without a value its default value (a string, or the field's type for long and
   * boolean defaults; expression defaults are left out). Needs READ on the task.
   */
  Map<String, Object> getFormVariables(Principal principal, String taskId);

  /**
   * Sets variables on the task's process instance; for a task with form fields they are checked as
   * on {@link #complete}, except that required fields may still be missing.
   */
  void setVariables(Principal principal, String taskId, Map<String, Object> variables);

  /**
   * Sets {@code modifications} and removes {@code deletions} on the task's process instance in one
   * transaction, checked against the form as by {@link #setVariables}; removing a variable the
   * instance does not have changes nothing. Needs TASK_WORK.
   */
  void modifyVariables(
      Principal principal,
      String taskId,
      Map<String, Object> modifications,
      java.util.Set<String> deletions);

  /** The variables visible to the task: its local ones over its process instance's. */
  Map<String, Object> getVariables(Principal principal, String taskId);

  /** The task's local variables (READ on the task); they end with the task. */
  Map<String, Object> getLocalVariables(Principal principal, String taskId);

  /**
   * Sets {@code modifications} and removes {@code deletions} among the task's local variables in
   * one transaction, checked against the task's form as by {@link #setVariables}; removing one the
   * task does not have changes nothing. Needs TASK_WORK.
   */
  void modifyLocalVariables(
      Principal principal,
      String taskId,
      Map<String, Object> modifications,
      java.util.Set<String> deletions);

  /**
   * Sets the assignee whoever holds the task ({@code userId} null removes it), unlike {@link
   * #claim}. Needs TASK_ASSIGN.
   */
  void setAssignee(Principal principal, String taskId, @Nullable String userId);

  /**
   * Delegates the task to {@code userId} as Camunda 7 does: the owner becomes the current assignee
   * unless the task has an owner already, the assignee becomes {@code userId}, and the delegation
   * state {@code PENDING}. A pending task cannot be completed until it is resolved. Needs
   * TASK_ASSIGN.
   */
  void delegate(Principal principal, String taskId, @Nullable String userId);

  /**
   * Resolves a delegated ({@code PENDING}) task: sets the variables on its instance (checked
   * against the form as by {@link #setVariables}), gives it back to its owner as assignee and sets
   * the state {@code RESOLVED}. Needs TASK_WORK.
   *
   * @throws ConflictException when the task is not pending
   */
  void resolve(Principal principal, String taskId, Map<String, Object> variables);

  /** The assignee, owner and candidate links of the task. Needs READ. */
  List<TaskIdentityLink> getIdentityLinks(Principal principal, String taskId);

  /**
   * Adds a candidate user or group ({@code type} {@code candidate}; adding an existing one changes
   * nothing). Needs TASK_ASSIGN.
   */
  void addIdentityLink(Principal principal, String taskId, TaskIdentityLink link);

  /** Removes a candidate user or group; removing a missing one changes nothing. TASK_ASSIGN. */
  void deleteIdentityLink(Principal principal, String taskId, TaskIdentityLink link);

  /**
   * Adds a comment by the principal to an open task; the message has 1..4000 characters (refused,
   * never cut, beyond). Needs TASK_WORK.
   */
  TaskComment addComment(Principal principal, String taskId, @Nullable String message);

  /** The comments of an open task, oldest first (at most 2000). Needs READ. */
  List<TaskComment> getComments(Principal principal, String taskId);

  /** One comment of an open task. Needs READ on the task. */
  TaskComment getComment(Principal principal, String taskId, String commentId);
}
