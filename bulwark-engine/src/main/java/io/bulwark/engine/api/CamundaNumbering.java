package io.bulwark.engine.api;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Camunda 7's numbers for resource types, permissions and rule types, so that its REST clients'
 * authorization calls ({@code resourceType: 6}, {@code permissions: ["READ"]}, {@code type: 1})
 * translate to Bulwark's names (Z2). Resource types Camunda does not have (jobs, external tasks and
 * their topics, incidents, the audit log) get Bulwark's own numbers from {@value
 * #BULWARK_TYPES_FROM} on, where Camunda leaves room for custom resources. Camunda's {@code
 * CREATE_INSTANCE} is {@code START_INSTANCE} here. Names are those of {@link AuthorizationRule};
 * the engine validates them.
 */
public final class CamundaNumbering {

  /** The first number of a resource type that Camunda 7 does not have. */
  public static final int BULWARK_TYPES_FROM = 100;

  private static final Map<String, Integer> RESOURCE_TYPES =
      Map.ofEntries(
          Map.entry("APPLICATION", 0),
          Map.entry("USER", 1),
          Map.entry("GROUP", 2),
          Map.entry("AUTHORIZATION", 4),
          Map.entry("PROCESS_DEFINITION", 6),
          Map.entry("TASK", 7),
          Map.entry("PROCESS_INSTANCE", 8),
          Map.entry("DEPLOYMENT", 9),
          Map.entry("DECISION_DEFINITION", 10),
          Map.entry("TENANT", 11),
          Map.entry("HISTORY", 20),
          Map.entry("SYSTEM", 21),
          Map.entry("JOB", BULWARK_TYPES_FROM),
          Map.entry("EXTERNAL_TASK", BULWARK_TYPES_FROM + 1),
          Map.entry("EXTERNAL_TASK_TOPIC", BULWARK_TYPES_FROM + 2),
          Map.entry("INCIDENT", BULWARK_TYPES_FROM + 3),
          Map.entry("AUDIT_LOG", BULWARK_TYPES_FROM + 4));

  private static final Map<String, Integer> PERMISSIONS =
      Map.ofEntries(
          Map.entry("READ", 2),
          Map.entry("UPDATE", 4),
          Map.entry("CREATE", 8),
          Map.entry("DELETE", 16),
          Map.entry("ACCESS", 32),
          Map.entry("READ_TASK", 64),
          Map.entry("UPDATE_TASK", 128),
          Map.entry("START_INSTANCE", 256),
          Map.entry("READ_INSTANCE", 512),
          Map.entry("UPDATE_INSTANCE", 1024),
          Map.entry("DELETE_INSTANCE", 2048),
          Map.entry("READ_HISTORY", 4096),
          Map.entry("DELETE_HISTORY", 8192),
          Map.entry("TASK_WORK", 16384),
          Map.entry("TASK_ASSIGN", 32768));

  private static final String ALL = "ALL";
  private static final String CAMUNDA_START = "CREATE_INSTANCE";
  private static final String START = "START_INSTANCE";
  private static final String[] RULE_TYPES = {"GLOBAL", "GRANT", "REVOKE"};

  private CamundaNumbering() {}

  /** The number of a resource type, or empty for an unknown name. */
  public static Optional<Integer> resourceType(String name) {
    return Optional.ofNullable(RESOURCE_TYPES.get(name));
  }

  /** The resource type with that number, or empty for one Bulwark does not support. */
  public static Optional<String> resourceType(int number) {
    return RESOURCE_TYPES.entrySet().stream()
        .filter(e -> e.getValue() == number)
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Bulwark's name of a permission as Camunda's REST API sends it (CREATE_INSTANCE…). */
  public static @Nullable String permission(@Nullable String camundaName) {
    return CAMUNDA_START.equals(camundaName) ? START : camundaName;
  }

  /** Camunda's name of a Bulwark permission (START_INSTANCE is CREATE_INSTANCE). */
  public static String camundaPermission(String name) {
    return START.equals(name) ? CAMUNDA_START : name;
  }

  /** Camunda's bit of a permission, or empty when Camunda has none. */
  public static Optional<Integer> permissionBit(String name) {
    return ALL.equals(name)
        ? Optional.of(Integer.MAX_VALUE)
        : Optional.ofNullable(PERMISSIONS.get(name));
  }

  /** The permissions of a Camunda bit mask; {@code Integer.MAX_VALUE} is {@code ALL}. */
  public static Set<String> permissions(int mask) {
    if (mask == Integer.MAX_VALUE) {
      return Set.of(ALL);
    }
    Set<String> result = new LinkedHashSet<>();
    PERMISSIONS.entrySet().stream()
        .filter(e -> (mask & e.getValue()) != 0)
        .sorted(Map.Entry.comparingByValue())
        .forEach(e -> result.add(e.getKey()));
    return result;
  }

  /** Camunda's number of a rule type: 0 global, 1 grant, 2 revoke. */
  public static int ruleType(String name) {
    for (int i = 0; i < RULE_TYPES.length; i++) {
      if (RULE_TYPES[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not a rule type: " + name);
  }

  /** The rule type with Camunda's number, or empty. */
  public static Optional<String> ruleType(int number) {
    return number >= 0 && number < RULE_TYPES.length
        ? Optional.of(RULE_TYPES[number])
        : Optional.empty();
  }
}
