package io.bulwark.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message to correlate by name, optionally narrowed to the instance with a business key, to one
 * process instance, and to instances whose variables equal the correlation keys; the variables are
 * set on the instance that receives it (or the one it starts). {@link Delivery#ALL} delivers it to
 * every matching waiting execution instead of exactly one.
 */
public record MessageCorrelation(
    String messageName,
    @Nullable String businessKey,
    Map<String, Object> correlationKeys,
    Map<String, Object> variables,
    @Nullable String processInstanceId,
    Delivery delivery) {

  /** How many waiting executions a message may reach. */
  public enum Delivery {
    /** Exactly one: several matching executions are a validation error. */
    ONE,
    /** Every matching waiting execution; a start event only when none waits. */
    ALL
  }

  public MessageCorrelation {
    Objects.requireNonNull(messageName, "messageName");
    correlationKeys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(correlationKeys));
    variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    delivery = delivery == null ? Delivery.ONE : delivery;
  }

  public MessageCorrelation(
      String messageName,
      @Nullable String businessKey,
      Map<String, Object> correlationKeys,
      Map<String, Object> variables) {
    this(messageName, businessKey, correlationKeys, variables, null, Delivery.ONE);
  }

  public static MessageCorrelation named(String messageName) {
    return new MessageCorrelation(messageName, null, Map.of(), Map.of());
  }

  public MessageCorrelation withBusinessKey(String key) {
    return new MessageCorrelation(
        messageName, key, correlationKeys, variables, processInstanceId, delivery);
  }

  public MessageCorrelation withCorrelationKeys(Map<String, Object> keys) {
    return new MessageCorrelation(
        messageName, businessKey, keys, variables, processInstanceId, delivery);
  }

  public MessageCorrelation withVariables(Map<String, Object> values) {
    return new MessageCorrelation(
        messageName, businessKey, correlationKeys, values, processInstanceId, delivery);
  }

  /** Only executions of this process instance; a message start event is then never used. */
  public MessageCorrelation toInstance(String instanceId) {
    return new MessageCorrelation(
        messageName, businessKey, correlationKeys, variables, instanceId, delivery);
  }

  public MessageCorrelation delivered(Delivery how) {
    return new MessageCorrelation(
        messageName, businessKey, correlationKeys, variables, processInstanceId, how);
  }
}
