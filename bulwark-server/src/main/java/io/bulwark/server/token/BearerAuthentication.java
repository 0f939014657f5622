package io.bulwark.server.token;

import io.bulwark.engine.api.Principal;
import io.bulwark.server.auth.Authorities;
import io.bulwark.server.auth.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An API request authenticated by a valid access token (A9). Holds the user and the groups the
 * engine reported for this request, never the token. Lives for one request only.
 */
final class BearerAuthentication extends AbstractAuthenticationToken {

  private static final long serialVersionUID = 1L;

  private final SignedInUser user;

  BearerAuthentication(Principal principal) {
    super(Authorities.ofUser(principal.groups()));
    this.user = new SignedInUser(principal.userId(), principal.groups());
    setAuthenticated(true);
  }

  @Override
  public @Nullable Object getCredentials() {
    return null;
  }

  @Override
  public SignedInUser getPrincipal() {
    return user;
  }
}
