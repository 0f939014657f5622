package io.bulwark.engine.bpmn;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Limits and relaxations for reading one deployment (E1, E3, Z10). Use {@link #defaults()} or
 * {@link #builder()}; every default is the safe value.
 *
 * @param maxBytes largest accepted document; default 5 MiB
 * @param maxDepth deepest element nesting; default 64
 * @param maxAttributes most attributes on one element; default 64
 * @param allowedDelegateClasses fully qualified class names a service task may name in {@code
 *     camunda:class} (embedded use only); default empty, so every class reference is rejected
 * @param scripts script policy; default {@link ScriptPolicy#REJECT}
 * @param delegateTopics service tasks whose {@code camunda:class} or {@code
 *     camunda:delegateExpression} is a key of this map become external tasks of the mapped topic,
 *     so that a Camunda model with Java delegates deploys unchanged and its work moves to workers
 *     (issue 16); default empty
 */
public record ParseOptions(
    int maxBytes,
    int maxDepth,
    int maxAttributes,
    Set<String> allowedDelegateClasses,
    ScriptPolicy scripts,
    Map<String, String> delegateTopics) {

  public static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
  public static final int DEFAULT_MAX_DEPTH = 64;
  public static final int DEFAULT_MAX_ATTRIBUTES = 64;

  public ParseOptions {
    requireRange("maxBytes", maxBytes, 1024, 64 * 1024 * 1024);
    requireRange("maxDepth", maxDepth, 8, 256);
    requireRange("maxAttributes", maxAttributes, 8, 1024);
    allowedDelegateClasses = Set.copyOf(allowedDelegateClasses);
    if (scripts == null) {
      throw new IllegalArgumentException("scripts policy is required");
    }
    delegateTopics = Map.copyOf(new TreeMap<>(delegateTopics));
  }

  public static ParseOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "invalid " + name + " " + value + "; allowed is " + min + " to " + max);
    }
  }

  /** Builder with safe defaults. */
  public static final class Builder {
    private int maxBytes = DEFAULT_MAX_BYTES;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxAttributes = DEFAULT_MAX_ATTRIBUTES;
    private Set<String> allowedDelegateClasses = Set.of();
    private ScriptPolicy scripts = ScriptPolicy.REJECT;
    private Map<String, String> delegateTopics = Map.of();

    private Builder() {}

    public Builder maxBytes(int value) {
      this.maxBytes = value;
      return this;
    }

    public Builder maxDepth(int value) {
      this.maxDepth = value;
      return this;
    }

    public Builder maxAttributes(int value) {
      this.maxAttributes = value;
      return this;
    }

    /** Classes a {@code camunda:class} service task may name; each must be a full class name. */
    public Builder allowedDelegateClasses(Set<String> classNames) {
      for (String name : classNames) {
        if (!name.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+")) {
          throw new IllegalArgumentException("invalid delegate class name '" + name + "'");
        }
      }
      this.allowedDelegateClasses = Set.copyOf(classNames);
      return this;
    }

    public Builder scripts(ScriptPolicy policy) {
      this.scripts = policy;
      return this;
    }

    /**
     * Maps {@code camunda:class} names or {@code camunda:delegateExpression} texts of service tasks
     * to external task topics; each topic must be plain text.
     */
    public Builder delegateTopics(Map<String, String> topics) {
      for (Map.Entry<String, String> entry : topics.entrySet()) {
        if (entry.getKey().isBlank()
            || entry.getValue() == null
            || !entry.getValue().matches("[\\w.:/-]{1,255}")) {
          throw new IllegalArgumentException(
              "invalid delegate topic mapping '"
                  + entry.getKey()
                  + "' -> '"
                  + entry.getValue()
                  + "'; a topic is 1 to 255 letters, digits, '.', ':', '/', '-' or '_'");
        }
      }
      this.delegateTopics = Map.copyOf(topics);
      return this;
    }

    public ParseOptions build() {
      return new ParseOptions(
          maxBytes, maxDepth, maxAttributes, allowedDelegateClasses, scripts, delegateTopics);
    }
  }
}
