package io.bulwark.engine.authz;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a command needs before it may run (Z2). Never {@code null}: a command that needs no check
 * says so with {@link #none(String)} and a reason that a reviewer can read.
 */
public sealed interface Requirement
    permits Requirement.PermissionCheck, Requirement.AnyOf, Requirement.AllOf, Requirement.NoCheck {

  /**
   * Resource id meaning "any resource of this type", e.g. for create or list operations: the check
   * asks for a type-wide grant, never for a grant on some single resource.
   */
  String ANY = "*";

  /** A permission on one resource, or on {@link #ANY} resource of a type. */
  static PermissionCheck of(ResourceType type, Permission permission, String resourceId) {
    return new PermissionCheck(type, permission, resourceId);
  }

  /** A permission on any resource of a type. */
  static PermissionCheck onAny(ResourceType type, Permission permission) {
    return new PermissionCheck(type, permission, ANY);
  }

  /**
   * Granted when at least one of the checks is granted, tried in order. For commands whose target
   * is found only while running (message correlation finds its target by the message name): the
   * command then checks the target itself through {@code CommandContext.authorize}.
   */
  static AnyOf anyOf(PermissionCheck first, PermissionCheck... more) {
    List<PermissionCheck> checks = new java.util.ArrayList<>();
    checks.add(first);
    checks.addAll(List.of(more));
    return new AnyOf(checks);
  }

  /**
   * Granted when every check is granted, e.g. FETCH_TOPIC on each topic a worker fetches from; the
   * first denied one decides.
   */
  static Requirement allOf(List<PermissionCheck> checks) {
    List<PermissionCheck> distinct = checks.stream().distinct().toList();
    if (distinct.isEmpty()) {
      throw new IllegalArgumentException("all-of needs at least one check");
    }
    return distinct.size() == 1 ? distinct.get(0) : new AllOf(distinct);
  }

  /** No check, with the reason why none is needed (for example "reads only the caller's data"). */
  static NoCheck none(String reason) {
    return new NoCheck(reason);
  }

  /** A permission required on a resource. */
  record PermissionCheck(ResourceType resourceType, Permission permission, String resourceId)
      implements Requirement {
    public PermissionCheck {
      Objects.requireNonNull(resourceType, "resourceType");
      Objects.requireNonNull(permission, "permission");
      if (resourceId == null || resourceId.isBlank()) {
        throw new IllegalArgumentException(
            "resource id is required; use Requirement.ANY for any resource");
      }
    }
  }

  /** Alternatives: the actor needs one of them (at least two, no duplicates). */
  record AnyOf(List<PermissionCheck> checks) implements Requirement {
    public AnyOf {
      checks = List.copyOf(checks);
      if (checks.size() < 2 || Set.copyOf(checks).size() != checks.size()) {
        throw new IllegalArgumentException("any-of needs at least two different checks");
      }
    }
  }

  /** Conjunction: the actor needs all of them (at least two, no duplicates). */
  record AllOf(List<PermissionCheck> checks) implements Requirement {
    public AllOf {
      checks = List.copyOf(checks);
      if (checks.size() < 2 || Set.copyOf(checks).size() != checks.size()) {
        throw new IllegalArgumentException("all-of needs at least two different checks");
      }
    }
  }

  /** An explicit "no authorization check", with its justification. */
  record NoCheck(String reason) implements Requirement {
    public NoCheck {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a command without a check must say why");
      }
    }
  }
}
