package io.bulwark.engine.grant;

import io.bulwark.engine.api.AccessAnswer;
import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Decision;
import io.bulwark.engine.authz.Grant;
import io.bulwark.engine.authz.GrantRepository;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Converts rules between the API's strings and the model, validating input (Z2, Z7, W11). */
final class RuleViews {

  /** User and group IDs (Z7); the same default pattern the identity service enforces. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final int MAX_RESOURCE_ID = 255;

  private RuleViews() {}

  static AuthorizationRule view(Grant rule) {
    return new AuthorizationRule(
        rule.id(),
        rule.type().name(),
        rule.userId(),
        rule.groupId(),
        rule.resourceType().name(),
        rule.resourceId(),
        rule.permissions().stream().map(Enum::name).collect(Collectors.toSet()));
  }

  /** The model of a new rule with {@code id}, or a ValidationException naming the field. */
  static Grant parse(String id, NewAuthorizationRule rule) {
    Grant.Type type = enumOf(Grant.Type.class, "type", rule.type());
    if (type == Grant.Type.GLOBAL && (rule.userId() != null || rule.groupId() != null)) {
      throw ValidationException.of(
          "userId", "global", "a GLOBAL rule applies to everyone: give neither userId nor groupId");
    }
    if (type != Grant.Type.GLOBAL && (rule.userId() == null) == (rule.groupId() == null)) {
      throw ValidationException.of(
          "userId", "exactly-one", "a GRANT or REVOKE names exactly one of userId and groupId");
    }
    id("userId", rule.userId());
    id("groupId", rule.groupId());
    ResourceType resourceType = enumOf(ResourceType.class, "resourceType", rule.resourceType());
    String resourceId = rule.resourceId();
    if (resourceId == null || resourceId.isBlank() || resourceId.length() > MAX_RESOURCE_ID) {
      throw ValidationException.of(
          "resourceId", "length", "resourceId must be 1.." + MAX_RESOURCE_ID + " characters or *");
    }
    if (rule.permissions().isEmpty()) {
      throw ValidationException.of("permissions", "required", "name at least one permission");
    }
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    for (String name : rule.permissions()) {
      permissions.add(enumOf(Permission.class, "permissions", name));
    }
    return new Grant(
        id, type, rule.userId(), rule.groupId(), resourceType, resourceId, permissions);
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String field, @Nullable String name) {
    for (E value : type.getEnumConstants()) {
      if (value.name().equals(name)) {
        return value;
      }
    }
    throw ValidationException.of(
        field,
        "enum",
        field + " must be one of " + EnumSet.allOf(type).stream().map(Enum::name).toList());
  }

  /** A user or group ID that must be given and match the pattern (Z7). */
  static String requiredId(String field, @Nullable String value) {
    if (value == null) {
      throw ValidationException.of(field, "required", field + " is required");
    }
    id(field, value);
    return value;
  }

  /** A rule's ID as a caller names it: given and of the ID pattern. */
  static String requiredRuleId(String value) {
    return requiredId("ruleId", value);
  }

  /**
   * The answer to a check (Z8): the decision, its rule in words and, when a stored rule decided,
   * that rule.
   */
  static AccessAnswer answer(Connection connection, Decision decision) throws SQLException {
    AuthorizationRule stored =
        decision.ruleId() == null
            ? null
            : GrantRepository.find(connection, decision.ruleId()).map(RuleViews::view).orElse(null);
    return new AccessAnswer(decision.isGranted(), decision.rule(), stored);
  }

  /** The check of a permission on a resource, from the API's names (Z8). */
  static Requirement.PermissionCheck check(
      @Nullable String permission, @Nullable String resourceType, @Nullable String resourceId) {
    Permission asked = enumOf(Permission.class, "permission", permission);
    if (asked == Permission.ALL) {
      throw ValidationException.of(
          "permission", "not-all", "ask for one permission; ALL is only granted or revoked");
    }
    ResourceType type = enumOf(ResourceType.class, "resourceType", resourceType);
    if (resourceId != null && (resourceId.isBlank() || resourceId.length() > MAX_RESOURCE_ID)) {
      throw ValidationException.of(
          "resourceId", "length", "resourceId must be 1.." + MAX_RESOURCE_ID + " characters or *");
    }
    return Requirement.of(type, asked, resourceId == null ? Requirement.ANY : resourceId);
  }

  private static void id(String field, @Nullable String value) {
    if (value != null && !ID.matcher(value).matches()) {
      throw ValidationException.of(
          field, "pattern", field + " must match " + ID.pattern() + " (Z7)");
    }
  }
}
