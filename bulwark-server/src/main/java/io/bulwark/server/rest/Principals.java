package io.bulwark.server.rest;

import io.bulwark.engine.api.Principal;
import io.bulwark.server.auth.SignedInUser;
import org.springframework.security.core.Authentication;

/** The engine principal of an authenticated API request, rebuilt per request (A10). */
public final class Principals {

  private Principals() {}

  public static Principal of(Authentication authentication) {
    if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
      throw new IllegalStateException("the integration API chain let an anonymous request through");
    }
    return new Principal(user.userId(), user.groups());
  }
}
