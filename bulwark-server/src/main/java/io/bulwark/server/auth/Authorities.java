package io.bulwark.server.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authorities a signed-in web or API user holds. A user whose one-time password must still be
 * changed (A2) holds only {@link #PASSWORD_CHANGE_PENDING}; everyone else holds {@link #USER} and
 * one {@code GROUP_<id>} per group. Rebuilt from the identity service on every request (A10).
 */
public final class Authorities {

  /** May use the web apps and the API (what exactly is up to the engine's grants). */
  public static final String USER = "BULWARK_USER";

  /** May only change the password. */
  public static final String PASSWORD_CHANGE_PENDING = "BULWARK_PASSWORD_CHANGE_PENDING";

  /** Prefix of the group authorities. */
  public static final String GROUP_PREFIX = "GROUP_";

  private Authorities() {}

  /** The full authorities of a user in the given groups. */
  public static List<GrantedAuthority> ofUser(Set<String> groups) {
    List<GrantedAuthority> authorities = new ArrayList<>(groups.size() + 1);
    authorities.add(new SimpleGrantedAuthority(USER));
    groups.stream()
        .sorted()
        .map(group -> new SimpleGrantedAuthority(GROUP_PREFIX + group))
        .forEach(authorities::add);
    return List.copyOf(authorities);
  }

  /** The only authority of a user who must change the password first. */
  public static List<GrantedAuthority> pendingPasswordChange() {
    return List.of(new SimpleGrantedAuthority(PASSWORD_CHANGE_PENDING));
  }

  /** Whether the authorities are those of a user who must change the password first. */
  public static boolean isPendingPasswordChange(Collection<? extends GrantedAuthority> held) {
    return held.stream().anyMatch(a -> PASSWORD_CHANGE_PENDING.equals(a.getAuthority()));
  }
}
