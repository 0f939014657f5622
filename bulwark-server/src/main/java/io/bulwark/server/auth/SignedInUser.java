package io.bulwark.server.auth;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who holds a web session or made an API request: the user ID and the groups the identity service
 * reported at sign-in. Kept in the server-side session only; it holds no secret.
 *
 * @param userId the user ID
 * @param groups the group IDs; never null
 */
public record SignedInUser(String userId, Set<String> groups)
    implements AuthenticatedPrincipal, Serializable {

  private static final long serialVersionUID = 1L;

  public SignedInUser {
    Objects.requireNonNull(userId, "userId");
    groups = Set.copyOf(groups);
  }

  @Override
  public String getName() {
    return userId;
  }
}
