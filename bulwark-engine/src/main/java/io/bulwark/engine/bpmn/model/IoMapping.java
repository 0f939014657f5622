package io.bulwark.engine.bpmn.model;

import io.bulwark.engine.expression.Expression;
import java.util.List;
import java.util.Objects;

/**
 * {@code camunda:inputOutput} of a node: input parameters become local variables of the node's
 * execution when it starts (evaluated over the variables visible there); output parameters are
 * evaluated over the node's variables when it completes and set outside it, where the name already
 * lives or else on the process. Values are expressions ({@code ${…}} or FEEL), text, lists and maps
 * of those, or null; never scripts (E3).
 */
public record IoMapping(List<Parameter> inputs, List<Parameter> outputs) {

  public IoMapping {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** One {@code camunda:inputParameter} or {@code camunda:outputParameter}. */
  public record Parameter(String name, Value value) {
    public Parameter {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** The value of a parameter, a list item or a map entry. */
  public sealed interface Value {}

  /** An empty parameter: the variable is set to null. */
  public record NullValue() implements Value {}

  /** Text or an expression (text without {@code ${…}} is a literal string). */
  public record Single(Expression expression) implements Value {}

  /** {@code camunda:list}: its items in document order. */
  public record ListValue(List<Value> items) implements Value {
    public ListValue {
      items = List.copyOf(items);
    }
  }

  /** {@code camunda:map}: its entries in document order; keys may be expressions too. */
  public record MapValue(List<Entry> entries) implements Value {
    public MapValue {
      entries = List.copyOf(entries);
    }
  }

  /** One {@code camunda:entry} of a map. */
  public record Entry(Expression key, Value value) {}
}
