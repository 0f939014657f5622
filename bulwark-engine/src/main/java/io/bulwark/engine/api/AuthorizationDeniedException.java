package io.bulwark.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * The authorization check of a command denied it (Z2): the actor holds none of the permissions the
 * command requires. Thrown by the command executor before the command runs, or by a command that
 * checks the target it found (message correlation) before it writes; either way nothing is written.
 * The message names the user, the permission, the resource and the deciding rule, never data.
 */
public final class AuthorizationDeniedException extends ForbiddenException {

  /** One permission on one resource that was asked for and denied. */
  public record Denied(String resourceType, String permission, String resourceId, String rule) {
    public Denied {
      Objects.requireNonNull(resourceType, "resourceType");
      Objects.requireNonNull(permission, "permission");
      Objects.requireNonNull(resourceId, "resourceId");
      Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String toString() {
      return permission + " on " + resourceType + " " + resourceId;
    }
  }

  private final String userId;
  private final List<Denied> denied;

  /**
   * @param userId the actor
   * @param denied the checks asked for, all denied (more than one for an "any of" requirement)
   */
  public AuthorizationDeniedException(String userId, List<Denied> denied) {
    super(message(userId, denied));
    this.userId = userId;
    this.denied = List.copyOf(denied);
  }

  private static String message(String userId, List<Denied> denied) {
    if (denied.isEmpty()) {
      throw new IllegalArgumentException("a denial names at least one check");
    }
    StringBuilder text = new StringBuilder("user ").append(userId).append(" lacks ");
    for (int i = 0; i < denied.size(); i++) {
      text.append(i == 0 ? "" : " and ").append(denied.get(i));
    }
    return text.toString();
  }

  public String userId() {
    return userId;
  }

  /** The checks that were denied, in the order asked. */
  public List<Denied> denied() {
    return denied;
  }
}
