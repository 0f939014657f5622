package io.bulwark.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The location rules' version (Z4) that this request's authentication read in the same statement as
 * the caller's credentials (issue 14): a Basic request confirmed from the credential cache, or a
 * bearer token. The location rules' authorization manager, which runs after authentication, then
 * decides with its copy of the rules when that copy is at this version, instead of reading the
 * version in a statement of its own; it reads the version itself when the request carries none.
 *
 * <p>Kept as a request attribute, which a client cannot set and which ends with the request, so a
 * version read for one request never decides another (no stale copy: the version is read on every
 * request, before the request is decided, as a read of its own would be).
 */
public final class LocationRuleVersionSeen {

  private static final String ATTRIBUTE = LocationRuleVersionSeen.class.getName();

  private LocationRuleVersionSeen() {}

  /** Records the version read while authenticating {@code request}. */
  public static void record(HttpServletRequest request, long version) {
    request.setAttribute(ATTRIBUTE, version);
  }

  /**
   * Records the version for the request this thread is serving, when it serves one (an
   * authentication provider does not see the request); otherwise does nothing, and the location
   * rules' check reads the version itself.
   */
  static void recordForCurrentRequest(long version) {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes != null) {
      attributes.setAttribute(ATTRIBUTE, version, RequestAttributes.SCOPE_REQUEST);
    }
  }

  /** The version this request's authentication read, if it read one. */
  public static OptionalLong of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof Long version
        ? OptionalLong.of(version)
        : OptionalLong.empty();
  }
}
