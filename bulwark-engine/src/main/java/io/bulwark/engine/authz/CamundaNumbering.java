package io.bulwark.engine.authz;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Camunda 7's numbers for resource types, permissions and rule types, so that its REST clients'
 * authorization calls ({@code resourceType: 6}, {@code permissions: ["READ"]}, {@code type: 1})
 * translate to Bulwark's (Z2). Types Camunda does not have (external-task topics, jobs, incidents,
 * the audit log) have no number; Camunda's CREATE_INSTANCE is START_INSTANCE here.
 */
public final class CamundaNumbering {

  private static final Map<ResourceType, Integer> RESOURCE_TYPES =
      Map.ofEntries(
          Map.entry(ResourceType.APPLICATION, 0),
          Map.entry(ResourceType.USER, 1),
          Map.entry(ResourceType.GROUP, 2),
          Map.entry(ResourceType.AUTHORIZATION, 4),
          Map.entry(ResourceType.PROCESS_DEFINITION, 6),
          Map.entry(ResourceType.TASK, 7),
          Map.entry(ResourceType.PROCESS_INSTANCE, 8),
          Map.entry(ResourceType.DEPLOYMENT, 9),
          Map.entry(ResourceType.TENANT, 11),
          Map.entry(ResourceType.HISTORY, 20),
          Map.entry(ResourceType.SYSTEM, 21));

  private static final Map<Permission, Integer> PERMISSIONS =
      Map.ofEntries(
          Map.entry(Permission.ALL, Integer.MAX_VALUE),
          Map.entry(Permission.READ, 2),
          Map.entry(Permission.UPDATE, 4),
          Map.entry(Permission.CREATE, 8),
          Map.entry(Permission.DELETE, 16),
          Map.entry(Permission.ACCESS, 32),
          Map.entry(Permission.READ_TASK, 64),
          Map.entry(Permission.UPDATE_TASK, 128),
          Map.entry(Permission.START_INSTANCE, 256),
          Map.entry(Permission.READ_INSTANCE, 512),
          Map.entry(Permission.UPDATE_INSTANCE, 1024),
          Map.entry(Permission.DELETE_INSTANCE, 2048),
          Map.entry(Permission.READ_HISTORY, 4096),
          Map.entry(Permission.DELETE_HISTORY, 8192),
          Map.entry(Permission.TASK_WORK, 16384),
          Map.entry(Permission.TASK_ASSIGN, 32768));

  private static final Map<String, Permission> CAMUNDA_NAMES =
      Map.of("CREATE_INSTANCE", Permission.START_INSTANCE);

  private CamundaNumbering() {}

  /** Camunda's number of a resource type, or empty when Camunda has no such type. */
  public static Optional<Integer> resourceType(ResourceType type) {
    return Optional.ofNullable(RESOURCE_TYPES.get(type));
  }

  /** The resource type with Camunda's number, or empty for one Bulwark does not support. */
  public static Optional<ResourceType> resourceType(int number) {
    return RESOURCE_TYPES.entrySet().stream()
        .filter(e -> e.getValue() == number)
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Camunda's bit of a permission, or empty when Camunda has none. */
  public static Optional<Integer> permission(Permission permission) {
    return Optional.ofNullable(PERMISSIONS.get(permission));
  }

  /** The permission for a name as Camunda's REST API sends it (READ, CREATE_INSTANCE…). */
  public static Optional<Permission> permission(String camundaName) {
    Permission renamed = CAMUNDA_NAMES.get(camundaName);
    if (renamed != null) {
      return Optional.of(renamed);
    }
    try {
      return Optional.of(Permission.valueOf(camundaName));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The permissions of a Camunda bit mask; {@code Integer.MAX_VALUE} is {@link Permission#ALL}. */
  public static Set<Permission> permissions(int mask) {
    if (mask == Integer.MAX_VALUE) {
      return EnumSet.of(Permission.ALL);
    }
    Set<Permission> result = EnumSet.noneOf(Permission.class);
    PERMISSIONS.forEach(
        (permission, bit) -> {
          if (permission != Permission.ALL && (mask & bit) != 0) {
            result.add(permission);
          }
        });
    return result;
  }

  /** Camunda's number of a rule type: 0 global, 1 grant, 2 revoke. */
  public static int ruleType(Grant.Type type) {
    return type.ordinal();
  }

  /** The rule type with Camunda's number. */
  public static Optional<Grant.Type> ruleType(int number) {
    Grant.Type[] types = Grant.Type.values();
    return number >= 0 && number < types.length ? Optional.of(types[number]) : Optional.empty();
  }
}
