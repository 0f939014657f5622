package io.bulwark.engine.bpmn.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What triggers (catch) or is thrown by (end) an event. */
public sealed interface EventDefinition {

  /** A none event: no trigger. */
  record None() implements EventDefinition {}

  /** End events only: ends every execution of the process instance. */
  record Terminate() implements EventDefinition {}

  /** A message, resolved from {@code messageRef} to the definitions-level message. */
  record Message(String messageId, @Nullable String messageName) implements EventDefinition {}

  /**
   * A message throw or end event with {@code camunda:type="external"}: it waits for a worker of
   * {@code topic} to complete an external task, as Camunda 7 does, so no code runs in the engine.
   */
  record MessageTask(ServiceImplementation.ExternalTopic topic) implements EventDefinition {}

  /** A timer, parsed at deployment. */
  record Timer(TimerSpec spec) implements EventDefinition {}

  /**
   * An error. On an end event {@code errorId} and {@code errorCode} are set. On a boundary event a
   * null {@code errorId} catches every error; the variable names, when not null, receive the code
   * and message of the caught error.
   */
  record ErrorEvent(
      @Nullable String errorId,
      @Nullable String errorCode,
      @Nullable String errorCodeVariable,
      @Nullable String errorMessageVariable)
      implements EventDefinition {}

  /**
   * An escalation. Thrown (intermediate throw or end event): {@code escalationId} and {@code
   * escalationCode} are set. Caught (boundary event on a sub-process or call activity): a null
   * {@code escalationCode} catches every escalation; {@code codeVariable}, when not null, receives
   * the code of the caught escalation.
   */
  record Escalation(
      @Nullable String escalationId, @Nullable String escalationCode, @Nullable String codeVariable)
      implements EventDefinition {}

  /**
   * A signal, resolved from {@code signalRef}; broadcast by name to every subscriber, a thrown one
   * with the variables its {@code camunda:in} mappings copy ({@code payload}; empty when caught).
   * {@code nameExpression}, when not null, is the name with {@code ${…}} parts (Camunda's signal
   * name expressions): it is evaluated with the variables of the execution that throws the signal
   * or creates the subscription, and with no variables for a process's signal start event. A thrown
   * signal with {@code async} ({@code camunda:async}) is broadcast by a job after the thrower's
   * transaction commits; the thrower goes on at once.
   */
  record Signal(
      String signalId,
      String signalName,
      List<VariableMapping> payload,
      io.bulwark.engine.expression.@Nullable Expression nameExpression,
      boolean async)
      implements EventDefinition {
    public Signal {
      payload = List.copyOf(payload);
    }

    /** A signal with a fixed name, thrown at once. */
    public Signal(String signalId, String signalName, List<VariableMapping> payload) {
      this(signalId, signalName, payload, null, false);
    }
  }

  /**
   * A link: a throw event jumps to the catch event of the same {@code name} in the same scope (an
   * off-page connector; no event leaves the process).
   */
  record Link(String name) implements EventDefinition {}

  /**
   * A condition over variables: it fires when true at the moment the event starts waiting, or later
   * after variables change; {@code variableName}, when not null, limits the later checks to changes
   * of that variable.
   */
  record Conditional(
      io.bulwark.engine.expression.Expression condition, @Nullable String variableName)
      implements EventDefinition {}

  /**
   * Compensation. On a boundary event: marks the activity as compensable (its handler is the {@code
   * isForCompensation} activity the event's association points to). Thrown (intermediate throw or
   * end event): compensates {@code activityRef}, or every completed compensable activity of the
   * scope when null, in reverse order of completion; the thrower always waits for the handlers
   * ({@code waitForCompletion} is read and kept, not acted on). In the start event of an event
   * sub-process: that sub-process is how its enclosing sub-process is compensated.
   */
  record Compensate(@Nullable String activityRef, boolean waitForCompletion)
      implements EventDefinition {}

  /**
   * Cancel: an end event inside a transaction sub-process compensates the transaction's completed
   * activities, then leaves it by the transaction's cancel boundary event.
   */
  record Cancel() implements EventDefinition {}

  EventDefinition NONE = new None();
}
