package io.bulwark.server.rest;

import io.bulwark.engine.api.AccessAnswer;
import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.CamundaNumbering;
import io.bulwark.engine.api.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of Camunda 7's authorization resource, and the translation of its numbers (rule
 * types, resource types) and permission names through {@link CamundaNumbering} (Z2). A global rule
 * names user {@code *}, as in Camunda.
 */
final class AuthorizationJson {

  /** Camunda's user ID of a global rule: everyone. */
  static final String EVERYONE = "*";

  private static final String GLOBAL = "GLOBAL";

  private AuthorizationJson() {}

  /** Camunda's {@code AuthorizationDto}. */
  record Rule(
      @Nullable String id,
      @Nullable Integer type,
      List<String> permissions,
      @Nullable String userId,
      @Nullable String groupId,
      @Nullable Integer resourceType,
      @Nullable String resourceId,
      @Nullable String removalTime,
      @Nullable String rootProcessInstanceId) {

    static Rule of(AuthorizationRule rule) {
      return new Rule(
          rule.id(),
          CamundaNumbering.ruleType(rule.type()),
          rule.permissions().stream().map(CamundaNumbering::camundaPermission).sorted().toList(),
          GLOBAL.equals(rule.type()) ? EVERYONE : rule.userId(),
          rule.groupId(),
          CamundaNumbering.resourceType(rule.resourceType()).orElseThrow(),
          rule.resourceId(),
          null,
          null);
    }
  }

  /** Camunda's {@code AuthorizationCreateDto}. */
  record NewRule(
      @Nullable Integer type,
      List<String> permissions,
      @Nullable String userId,
      @Nullable String groupId,
      @Nullable Integer resourceType,
      @Nullable String resourceId) {}

  /**
   * Camunda's {@code AuthorizationUpdateDto}; {@code id} and {@code type}, which clients that send
   * back a whole {@code AuthorizationDto} include, must be those of the rule.
   */
  record RuleChange(
      @Nullable String id,
      @Nullable Integer type,
      List<String> permissions,
      @Nullable String userId,
      @Nullable String groupId,
      @Nullable Integer resourceType,
      @Nullable String resourceId) {}

  /** Camunda's {@code AuthorizationCheckResultDto}. */
  record CheckResult(
      @Nullable String permissionName,
      @Nullable String resourceName,
      @Nullable String resourceId,
      @Nullable Boolean authorized) {}

  /**
   * Bulwark's answer to "may user U do P on R?" (Z8): the decision, the deciding rule in words and,
   * when a stored rule decided, that rule in Camunda's shape.
   */
  record Explanation(
      @Nullable String userId,
      @Nullable String permission,
      @Nullable Integer resourceType,
      @Nullable String resourceTypeName,
      @Nullable String resourceId,
      boolean authorized,
      @Nullable String rule,
      @Nullable Rule decidingRule) {

    static Explanation of(
        @Nullable String userId,
        @Nullable String permission,
        @Nullable String type,
        @Nullable String resourceId,
        AccessAnswer answer) {
      return new Explanation(
          userId,
          // The engine refused a missing permission or type before answering.
          CamundaNumbering.camundaPermission(Objects.requireNonNull(permission)),
          CamundaNumbering.resourceType(Objects.requireNonNull(type)).orElseThrow(),
          type,
          resourceId,
          answer.granted(),
          answer.rule(),
          answer.storedRule().map(Rule::of).orElse(null));
    }
  }

  /** Camunda's {@code ResourceOptionsDto}: the operations the caller may use, as links. */
  record Options(List<TaskJson.Link> links) {}

  /** Bulwark's name of a rule type Camunda numbers; a 400 naming {@code field} otherwise. */
  static @Nullable String ruleType(String field, @Nullable Integer number) {
    if (number == null) {
      return null;
    }
    return CamundaNumbering.ruleType(number)
        .orElseThrow(
            () -> ValidationException.of(field, "allowed-values", field + " must be 0, 1 or 2"));
  }

  /** Bulwark's name of a resource type Camunda numbers; a 400 naming {@code field} otherwise. */
  static @Nullable String resourceType(String field, @Nullable Integer number) {
    if (number == null) {
      return null;
    }
    return CamundaNumbering.resourceType(number)
        .orElseThrow(
            () ->
                ValidationException.of(
                    field,
                    "allowed-values",
                    field + " " + number + " is not a resource type Bulwark supports"));
  }

  /** Bulwark's names of permissions as Camunda's clients send them; none when absent. */
  static Set<String> permissions(@Nullable List<String> camundaNames) {
    if (camundaNames == null) {
      return Set.of();
    }
    if (camundaNames.contains(null)) {
      throw ValidationException.of(
          "permissions", "no-null", "permissions must be names such as READ, never null");
    }
    return camundaNames.stream().map(CamundaNumbering::permission).collect(Collectors.toSet());
  }

  /** A rule's user: Camunda's {@code *} of a global rule is no user at all. */
  static @Nullable String userId(@Nullable String type, @Nullable String userId) {
    return GLOBAL.equals(type) && EVERYONE.equals(userId) ? null : userId;
  }
}
