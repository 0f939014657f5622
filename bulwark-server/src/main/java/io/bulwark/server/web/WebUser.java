package io.bulwark.server.web;

import io.bulwark.engine.api.Principal;
import io.bulwark.server.auth.SignedInUser;
import org.springframework.security.core.Authentication;

/** The engine principal of a signed-in web user, rebuilt for every request (A10, Z2). */
public final class WebUser {

  private WebUser() {}

  /**
   * The principal of the session's user.
   *
   * @throws IllegalStateException when the chain let an anonymous request reach a page that needs a
   *     user (a configuration error, answered as a generic 500)
   */
  public static Principal principal(Authentication authentication) {
    if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
      throw new IllegalStateException("the web app chain let an anonymous request through");
    }
    return new Principal(user.userId(), user.groups());
  }
}
