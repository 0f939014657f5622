package io.bulwark.server.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Caps on web app sessions (E8, A10). Sessions are created at sign-in only; a user who signs in
 * once more than {@code maxPerUser} times ends their oldest session, and while {@code maxTotal}
 * sessions exist a new sign-in is refused with a "try again" page (429). Bound from {@code
 * bulwark.session.*}; a value out of bounds refuses to start.
 *
 * @param maxPerUser sessions one user may hold at once; default 5, 1 to 100
 * @param maxTotal sessions the server holds at once; default 10000, 1 to 1000000
 */
@ConfigurationProperties("bulwark.session")
public record SessionLimitSettings(
    @DefaultValue("5") int maxPerUser, @DefaultValue("10000") int maxTotal) {

  public SessionLimitSettings {
    if (maxPerUser < 1 || maxPerUser > 100) {
      throw new IllegalArgumentException(
          "invalid bulwark.session.max-per-user " + maxPerUser + "; must be 1 to 100 (E8)");
    }
    if (maxTotal < 1 || maxTotal > 1_000_000) {
      throw new IllegalArgumentException(
          "invalid bulwark.session.max-total " + maxTotal + "; must be 1 to 1000000 (E8)");
    }
  }
}
