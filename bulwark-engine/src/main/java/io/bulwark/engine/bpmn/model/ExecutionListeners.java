package io.bulwark.engine.bpmn.model;

import io.bulwark.engine.expression.Expression;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code camunda:executionListener}s of a process, its nodes and its sequence flows, by element
 * ID. Only listeners without code are modelled: each sets one variable to the value of a safe
 * expression ({@code ${execution.setVariable('name', value)}}, E2); listeners naming a class, a
 * bean or a script are refused at deployment (Z10, E3).
 */
public record ExecutionListeners(Map<String, List<Listener>> byElement) {

  /** A process without listeners. */
  public static final ExecutionListeners NONE = new ExecutionListeners(Map.of());

  public ExecutionListeners {
    byElement = Map.copyOf(byElement);
  }

  /** When a listener runs: a node or process starts or ends, or a sequence flow is taken. */
  public enum Event {
    START,
    END,
    TAKE
  }

  /**
   * Sets {@code variable} to {@code value} on {@code event}, where the name already lives or else
   * on the process, as Camunda's {@code execution.setVariable} does.
   */
  public record Listener(Event event, String variable, Expression value) {
    public Listener {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(value, "value");
    }
  }

  /** The listeners of element {@code id} for {@code event}, in document order. */
  public List<Listener> of(String id, Event event) {
    List<Listener> all = byElement.get(id);
    if (all == null) {
      return List.of();
    }
    return all.stream().filter(l -> l.event() == event).toList();
  }
}
