package io.bulwark.engine.api;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who calls the engine, passed explicitly to every service method: the engine has no static
 * "current user". Two kinds (Z1, Z2):
 *
 * <ul>
 *   <li>A <b>user</b>, made with {@link #user} or the constructor: every call is checked against
 *       the stored grants and case security, and a user with no grant sees and does nothing. An
 *       embedding application acts <em>on behalf of</em> its users this way. The groups are those
 *       the identity provider knew when the principal was made; A10 requires callers to rebuild it
 *       per request rather than cache it.
 *   <li>A <b>trusted application</b>, made only by {@link BulwarkEngine#trustedApplication}: the
 *       embedding application itself, granted every check by a rule that names it. It cannot be
 *       forged from a string: the engine honours only principals its own issuer made, and refuses a
 *       trusted-application principal of another engine.
 * </ul>
 *
 * A call with a null principal is denied.
 */
public final class Principal {

  private final String userId;
  private final Set<String> groups;
  private final @Nullable PrincipalIssuer issuer;

  /**
   * A user principal.
   *
   * @param userId the user's ID
   * @param groups the IDs of the user's groups; never null, possibly empty
   */
  public Principal(String userId, Set<String> groups) {
    this(userId, groups, null);
  }

  private Principal(String userId, Set<String> groups, @Nullable PrincipalIssuer issuer) {
    this.userId = Objects.requireNonNull(userId, "userId");
    this.groups = Set.copyOf(groups);
    this.issuer = issuer;
  }

  /** A user principal with these groups. */
  public static Principal user(String userId, String... groups) {
    return new Principal(userId, Set.of(groups));
  }

  /** Called by {@link PrincipalIssuer} only. */
  static Principal trustedApplication(String name, PrincipalIssuer issuer) {
    Objects.requireNonNull(issuer, "issuer");
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw ValidationException.of(
          "name",
          "pattern",
          "a trusted application's name must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    }
    return new Principal("app:" + name, Set.of(), issuer);
  }

  /** The user's ID; {@code app:NAME} for a trusted application. */
  public String userId() {
    return userId;
  }

  /** The user's groups; empty for a trusted application. */
  public Set<String> groups() {
    return groups;
  }

  public boolean isMemberOf(String groupId) {
    return groups.contains(groupId);
  }

  /** Whether this claims to be a trusted application (honoured only by its issuer's engine). */
  public boolean isTrustedApplication() {
    return issuer != null;
  }

  /** Whether {@code candidate} made this principal; the engine's check of a trusted application. */
  public boolean issuedBy(PrincipalIssuer candidate) {
    return issuer != null && issuer == candidate;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Principal that
        && userId.equals(that.userId)
        && groups.equals(that.groups)
        && issuer == that.issuer;
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, groups);
  }

  @Override
  public String toString() {
    return (issuer != null ? "TrustedApplication[" : "Principal[") + userId + ", " + groups + "]";
  }
}
