package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.AsyncSettings;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.MultiInstance;
import io.bulwark.engine.expression.Expression;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Multi-instance activities, as in Camunda. The execution that enters the activity becomes its
 * <em>body</em>: a scope at the activity holding {@code nrOfInstances}, {@code nrOfActiveInstances}
 * and {@code nrOfCompletedInstances}, with one child per run (all at once, or one after another
 * when sequential) at the same activity, each holding {@code loopCounter} and the element variable.
 * Boundary events belong to the body. When a run completes, the counters move and the completion
 * condition is checked over the run's variables; when it holds or every run is done, the remaining
 * runs are cancelled and the body leaves the activity.
 */
final class MultiInstanceBehavior {

  /** Most runs one multi-instance activity may start, so that no model exhausts the server (E8). */
  static final int MAX_INSTANCES = 1000;

  static final String NR_OF_INSTANCES = "nrOfInstances";
  static final String NR_OF_ACTIVE_INSTANCES = "nrOfActiveInstances";
  static final String NR_OF_COMPLETED_INSTANCES = "nrOfCompletedInstances";
  static final String LOOP_COUNTER = "loopCounter";

  private MultiInstanceBehavior() {}

  /** Whether {@code execution} is one run of the multi-instance activity {@code nodeId}. */
  static boolean isRun(InstanceState instance, Execution execution, @Nullable String nodeId) {
    if (nodeId == null
        || execution.parentId() == null
        || instance.model().multiInstance(nodeId) == null) {
      return false;
    }
    Execution parent = instance.execution(execution.parentId());
    return parent != null && nodeId.equals(parent.activityId());
  }

  /**
   * The async settings of each run of {@code node} (its loop characteristics' own), or none when it
   * is not multi-instance.
   */
  static AsyncSettings runAsync(InstanceState instance, FlowNode node) {
    MultiInstance loop = instance.model().multiInstance(node.id());
    return loop == null ? AsyncSettings.NONE : loop.runAsync();
  }

  /** The body enters: counts the runs and starts the first (sequential) or all of them. */
  static void start(RuntimeSession session, InstanceState instance, Execution body, FlowNode node)
      throws SQLException {
    MultiInstance loop = loopOf(instance, node);
    List<Object> items = loop.collection() == null ? null : items(session, instance, body, node);
    int count = items != null ? items.size() : cardinality(session, instance, body, node);
    if (count > MAX_INSTANCES) {
      throw new ProcessExecutionException(
          "multi-instance "
              + node.id()
              + " would start "
              + count
              + " instances; at most "
              + MAX_INSTANCES
              + " are allowed (E8)");
    }
    body.setScope(true);
    Map<String, Object> counters = new LinkedHashMap<>();
    counters.put(NR_OF_INSTANCES, count);
    counters.put(NR_OF_ACTIVE_INSTANCES, loop.sequential() ? Math.min(1, count) : count);
    counters.put(NR_OF_COMPLETED_INSTANCES, 0);
    session.setLocalVariables(instance, body, counters);
    if (count == 0) {
      body.setScope(false);
      session.leave(instance, body);
      return;
    }
    int runs = loop.sequential() ? 1 : count;
    for (int i = 0; i < runs; i++) {
      startRun(session, instance, body, node, i, items == null ? null : items.get(i));
    }
  }

  /** One run completed (it has left the activity): count it and go on, or leave the body. */
  static void runCompleted(
      RuntimeSession session, InstanceState instance, Execution run, FlowNode node)
      throws SQLException {
    MultiInstance loop = loopOf(instance, node);
    Execution body = instance.parentOf(run);
    Map<String, Object> counters = session.variables(instance, body);
    int count = number(counters.get(NR_OF_INSTANCES));
    int completed = number(counters.get(NR_OF_COMPLETED_INSTANCES)) + 1;
    int active = number(counters.get(NR_OF_ACTIVE_INSTANCES)) - (loop.sequential() ? 0 : 1);
    Map<String, Object> update = new LinkedHashMap<>();
    update.put(NR_OF_COMPLETED_INSTANCES, completed);
    update.put(NR_OF_ACTIVE_INSTANCES, loop.sequential() && completed >= count ? 0 : active);
    session.setLocalVariables(instance, body, update);
    boolean condition =
        loop.completionCondition() != null
            && session.condition(instance, run, loop.completionCondition(), node.id());
    session.removeLocalVariables(instance, run);
    run.remove();
    if (condition || completed >= count) {
      session.cancelBelow(instance, body, "multi-instance " + node.id() + " completed");
      body.setScope(false);
      session.leave(instance, body);
    } else if (loop.sequential()) {
      List<Object> items = loop.collection() == null ? null : items(session, instance, body, node);
      Object item = items == null || completed >= items.size() ? null : items.get(completed);
      startRun(session, instance, body, node, completed, item);
    }
  }

  private static void startRun(
      RuntimeSession session,
      InstanceState instance,
      Execution body,
      FlowNode node,
      int loopCounter,
      @Nullable Object item)
      throws SQLException {
    MultiInstance loop = loopOf(instance, node);
    Execution run = instance.createChild(body);
    run.setConcurrent(!loop.sequential());
    Map<String, Object> locals = new LinkedHashMap<>();
    locals.put(LOOP_COUNTER, loopCounter);
    if (loop.elementVariable() != null) {
      locals.put(loop.elementVariable(), item);
    }
    session.setLocalVariables(instance, run, locals);
    session.enter(instance, run, node);
  }

  private static List<Object> items(
      RuntimeSession session, InstanceState instance, Execution body, FlowNode node)
      throws SQLException {
    MultiInstance loop = loopOf(instance, node);
    Expression collection =
        Objects.requireNonNull(loop.collection(), "items are read only for a collection loop");
    Object value = session.evaluate(instance, body, collection, node.id());
    if (value instanceof Collection<?> many) {
      return new ArrayList<>(many);
    }
    throw new ProcessExecutionException(
        "multi-instance "
            + node.id()
            + ": collection "
            + collection.source()
            + " is "
            + (value == null ? "null" : "not a list")
            + " in process instance "
            + instance.id());
  }

  private static int cardinality(
      RuntimeSession session, InstanceState instance, Execution body, FlowNode node)
      throws SQLException {
    MultiInstance loop = loopOf(instance, node);
    Expression cardinality =
        Objects.requireNonNull(
            loop.loopCardinality(), "the model has a loopCardinality where it has no collection");
    Object value = session.evaluate(instance, body, cardinality, node.id());
    try {
      int count =
          value instanceof Number n
              ? Math.toIntExact(n.longValue())
              : Integer.parseInt(String.valueOf(value).strip());
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException | ArithmeticException ignored) {
      // not a count: reported below
    }
    throw new ProcessExecutionException(
        "multi-instance "
            + node.id()
            + ": loopCardinality "
            + cardinality.source()
            + " is not a whole number of zero or more: "
            + value);
  }

  private static MultiInstance loopOf(InstanceState instance, FlowNode node) {
    return Objects.requireNonNull(
        instance.model().multiInstance(node.id()), "only multi-instance activities come here");
  }

  private static int number(@Nullable Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
