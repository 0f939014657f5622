package io.bulwark.server.http;

/**
 * How an error is shown (W5): the web apps ({@code /} and {@code /app/**}, the WEB_APPS service
 * group) get a generic HTML page, everything else RFC 9457 problem details. The path rule mirrors
 * {@code io.bulwark.server.access.ServiceGroup}; a test keeps the two in step.
 */
public enum AnswerFormat {
  HTML_PAGE,
  PROBLEM_JSON;

  /**
   * The format for a request path (without context path), raw or decoded; an unknown path (a
   * request Tomcat could not parse) gets problem details.
   */
  public static AnswerFormat forPath(String path) {
    if (path == null || path.isEmpty()) {
      return PROBLEM_JSON;
    }
    if ("/".equals(path)) {
      return HTML_PAGE;
    }
    return "/app".equals(path) || path.startsWith("/app/") ? HTML_PAGE : PROBLEM_JSON;
  }
}
