package io.bulwark.server.rest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Paths of the identity resources, and how a guard recognizes a user's requests about themselves.
 * Guards compare the raw request path with the user ID: an ID matches {@code [A-Za-z0-9._-]{1,64}}
 * (Z7), so any encoding in the path makes the comparison fail, never succeed.
 */
final class RestPaths {

  static final String BASE = "/engine-rest";
  static final String USER = BASE + "/user";
  static final String GROUP = BASE + "/group";
  static final String TENANT = BASE + "/tenant";
  static final String DELETED_IDS = BASE + "/identity/deleted-ids";
  static final String AUTHORIZATION = BASE + "/authorization";

  private RestPaths() {}

  /** The request path without the context path, as sent (not decoded). */
  static String pathOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    if (uri == null) {
      return "/";
    }
    return context != null && !context.isEmpty() && uri.startsWith(context)
        ? uri.substring(context.length())
        : uri;
  }

  /** Whether the request is {@code method} on {@code /engine-rest/user/{userId}{suffix}}. */
  static boolean isAboutSelf(
      HttpServletRequest request, String method, String userId, String suffix) {
    return method.equals(request.getMethod())
        && pathOf(request).equals(USER + "/" + userId + suffix);
  }

  /** Whether the path is {@code prefix} itself or below it. */
  static boolean isUnder(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
