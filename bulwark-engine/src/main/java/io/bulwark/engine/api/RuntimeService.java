package io.bulwark.engine.api;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Running process instances. Every method takes the acting principal (Z2). */
public interface RuntimeService {

  /**
   * Starts an instance at the none start event (START_INSTANCE on the definition's key). When that
   * event declares a start form with fields ({@code camunda:formData} or a Camunda Form), the
   * variables are its submission and are checked against it before anything is stored (W10): only
   * its fields (rule {@code undeclared}), each of its type and constraints, required ones present,
   * read-only ones absent; a {@link ValidationException} names the field and rules and nothing
   * starts. Without such a form any variables are accepted.
   */
  ProcessInstance startProcessInstance(Principal principal, StartInstanceRequest request);

  /**
   * The start form of a definition (READ or START_INSTANCE on its key; not found when the
   * definition is not): its form key, fields, Camunda Form and literal defaults. A definition whose
   * none start event has no form, or that has no none start event, has an empty one.
   */
  StartForm getStartForm(Principal principal, String processDefinitionId);

  /** As {@link #getStartForm}, of the latest version of a key. */
  StartForm getLatestStartForm(Principal principal, String processDefinitionKey);

  /**
   * Delivers a message to exactly one waiting message catch event, or else starts a process at a
   * message start event of that name. None: not found; more than one waiting: validation error.
   */
  MessageCorrelationResult correlateMessage(Principal principal, MessageCorrelation correlation);

  /**
   * Broadcasts signal {@code signalName} (Camunda's {@code signalEventReceived}): every waiting
   * signal catch event continues, signal boundary events fire, signal event sub-processes start and
   * each process with a signal start event of that name starts, with {@code variables} (may be
   * null). Needs UPDATE on each instance reached and START_INSTANCE on each process started;
   * reaching nobody is not an error. Returns how many subscribers it reached.
   */
  int signalEventReceived(Principal principal, String signalName, Map<String, Object> variables);

  /**
   * Evaluates the conditional start events of the latest process versions with {@code variables}
   * (Camunda's {@code createConditionEvaluation().evaluateStartConditions()}): each one whose
   * condition holds starts an instance with them; {@code processDefinitionId}, when not null,
   * limits the evaluation to that definition. A condition that reads a variable not given is false.
   * Needs START_INSTANCE on each process started; definitions the caller may not start are left
   * out. No conditional start event at all: not found. Returns the started instances.
   */
  List<ProcessInstance> evaluateStartConditions(
      Principal principal, Map<String, Object> variables, @Nullable String processDefinitionId);

  /**
   * As {@link #correlateMessage}, delivering as {@link MessageCorrelation#delivery()} says: with
   * {@code ALL} to every matching waiting execution (UPDATE on each instance, checked before any is
   * changed); the results in instance order.
   */
  List<MessageCorrelationResult> correlateMessages(
      Principal principal, MessageCorrelation correlation);

  /**
   * Continues the one execution of the instance that waits at receive task {@code activityId}
   * without a message (Camunda's {@code RuntimeService.signal}), after setting {@code variables}.
   * Not found: nothing waits there; validation error: the activity is no such receive task, or
   * several executions wait there.
   */
  void trigger(
      Principal principal,
      String processInstanceId,
      String activityId,
      Map<String, Object> variables);

  /** Cancels a running instance and the instances it called; history keeps the reason. */
  void deleteProcessInstance(Principal principal, String processInstanceId, String reason);

  /** The process variables of a running instance. */
  Map<String, Object> getVariables(Principal principal, String processInstanceId);

  void setVariables(Principal principal, String processInstanceId, Map<String, Object> variables);

  /**
   * Sets {@code modifications} (null values allowed) and then removes the variables named in {@code
   * deletions} (names the instance does not hold are skipped), in one transaction (UPDATE on the
   * instance); returns the variables afterwards.
   */
  Map<String, Object> modifyVariables(
      Principal principal,
      String processInstanceId,
      Map<String, Object> modifications,
      java.util.Collection<String> deletions);

  /**
   * Suspends or activates a running instance (UPDATE on it): while suspended its tasks cannot be
   * completed, its jobs do not run, its external tasks are not fetched and messages do not reach
   * it.
   */
  void setSuspension(
      Principal principal, String processInstanceId, ProcessInstanceQuery.Suspension state);

  /**
   * The activity instance tree of a running instance (READ on it): the instance at the root, one
   * node per activity an execution is at, nested under embedded sub-processes.
   */
  ActivityInstance getActivityInstance(Principal principal, String processInstanceId);

  /** IDs of the activities where the instance's executions are, sorted; empty when it ended. */
  List<String> getActiveActivityIds(Principal principal, String processInstanceId);

  /**
   * A page of running process instances that match the query and that the principal may read, with
   * the total count of such instances (W8, Z3).
   */
  Page<ProcessInstanceView> findProcessInstances(Principal principal, ProcessInstanceQuery query);
}
