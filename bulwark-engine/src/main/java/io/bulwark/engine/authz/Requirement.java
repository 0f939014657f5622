package io.bulwark.engine.authz;

import java.util.Objects;

/**
 * What a command needs before it may run (Z2). Never {@code null}: a command that needs no check
 * says so with {@link #none(String)} and a reason that a reviewer can read.
 */
public sealed interface Requirement permits Requirement.PermissionCheck, Requirement.NoCheck {

  /** Resource id meaning "any resource of this type", e.g. for create or list operations. */
  String ANY = "*";

  /** A permission on one resource, or on {@link #ANY} resource of a type. */
  static PermissionCheck of(ResourceType type, Permission permission, String resourceId) {
    return new PermissionCheck(type, permission, resourceId);
  }

  /** A permission on any resource of a type. */
  static PermissionCheck onAny(ResourceType type, Permission permission) {
    return new PermissionCheck(type, permission, ANY);
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

  /** An explicit "no authorization check", with its justification. */
  record NoCheck(String reason) implements Requirement {
    public NoCheck {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a command without a check must say why");
      }
    }
  }
}
