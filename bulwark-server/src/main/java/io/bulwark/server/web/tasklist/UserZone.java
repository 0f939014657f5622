package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.User;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The time zone in which a signed-in user sees times: the one in their profile (Z9), else UTC. Read
 * at each request (no cache), so a change shows at the next page. Thread-safe.
 */
final class UserZone {

  static final ZoneId DEFAULT = ZoneId.of("UTC");

  private final IdentityService identity;

  UserZone(IdentityService identity) {
    this.identity = Objects.requireNonNull(identity, "identity");
  }

  ZoneId of(Principal principal) {
    // The engine stored only IDs that ZoneId knows (Z9).
    return identity
        .findUser(principal.userId())
        .map(User::timeZone)
        .map(ZoneId::of)
        .orElse(DEFAULT);
  }
}
