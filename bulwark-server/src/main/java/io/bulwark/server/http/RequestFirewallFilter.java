package io.bulwark.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request firewall (W6): the first filter that looks at a request, before the service group
 * gate and Spring Security. It refuses {@code OPTIONS *} (400), methods outside the allowlist
 * (405), paths that are not in normal form (traversal, encoded slashes, double encoding, control
 * characters, backslashes, path parameters, invalid UTF-8), bodies over the limit by Content-Length
 * (413) or while streaming, too many parameters, and API bodies that are neither JSON nor a form
 * (415). Rejections are problem answers (W5) and are logged at INFO without the request's content.
 * The header size limit is Tomcat's ({@link TomcatHardeningCustomizer}); Tomcat also refuses some
 * malformed URIs before any filter runs, answered by {@link ProblemErrorReportValve}.
 */
public final class RequestFirewallFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RequestFirewallFilter.class);

  /** Tomcat's flag for a request whose parameters could not all be parsed (count, size). */
  private static final String PARAMETER_PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

  private final FirewallSettings settings;

  public RequestFirewallFilter(FirewallSettings settings) {
    this.settings = settings;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Problem> rejection = inspect(request);
    if (rejection.isPresent()) {
      reject(request, response, rejection.get());
      return;
    }
    try {
      chain.doFilter(new LimitedBodyRequest(request, settings.maxBodyBytes()), response);
    } catch (RequestTooLargeException | ServletException e) {
      if (!causedByTooLarge(e)) {
        throw e;
      }
      reject(request, response, tooLarge());
    }
  }

  private Optional<Problem> inspect(HttpServletRequest request) {
    return checkAsteriskForm(request)
        .or(() -> FirewallRules.checkMethod(request.getMethod()))
        .or(() -> FirewallRules.checkPath(request.getRequestURI()))
        .or(() -> FirewallRules.checkQuery(request.getQueryString(), settings.maxParameters()))
        .or(() -> checkBody(request))
        .or(() -> checkFormParameters(request));
  }

  /** {@code OPTIONS *}, which Tomcat would answer itself ({@link AsteriskFormAdapter}). */
  private static Optional<Problem> checkAsteriskForm(HttpServletRequest request) {
    if (!AsteriskFormAdapter.isAsteriskForm(request)) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.of(
            ProblemType.BAD_REQUEST,
            "The asterisk-form request target (OPTIONS *) is not served: send OPTIONS to a path."));
  }

  private Optional<Problem> checkBody(HttpServletRequest request) {
    long length = request.getContentLengthLong();
    if (length > settings.maxBodyBytes()) {
      return Optional.of(tooLarge());
    }
    boolean hasBody = length > 0 || request.getHeader("Transfer-Encoding") != null;
    if (hasBody
        && AnswerFormat.forPath(ErrorResponder.pathOf(request)) == AnswerFormat.PROBLEM_JSON
        && !isJsonOrForm(request.getContentType())) {
      return Optional.of(
          Problem.of(
              ProblemType.UNSUPPORTED_MEDIA_TYPE,
              "Request bodies must be JSON or a form (application/json,"
                  + " application/x-www-form-urlencoded, multipart/form-data)."));
    }
    return Optional.empty();
  }

  /** Counts form parameters (Tomcat parses them within the same limits, see the customizer). */
  private Optional<Problem> checkFormParameters(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null || !mediaType(type).equals("application/x-www-form-urlencoded")) {
      return Optional.empty();
    }
    Problem refused = Problem.of(ProblemType.BAD_REQUEST, "Too many or malformed parameters.");
    int count;
    try {
      count = request.getParameterMap().values().stream().mapToInt(v -> v.length).sum();
    } catch (IllegalStateException tooMany) {
      // Tomcat 11 throws InvalidParameterException (an IllegalStateException) over its limit.
      return Optional.of(refused);
    }
    if (count > settings.maxParameters() || request.getAttribute(PARAMETER_PARSE_FAILED) != null) {
      return Optional.of(refused);
    }
    return Optional.empty();
  }

  static boolean isJsonOrForm(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = mediaType(contentType);
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json"))
        || type.equals("application/x-www-form-urlencoded")
        || type.equals("multipart/form-data");
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  private Problem tooLarge() {
    return Problem.of(
        ProblemType.REQUEST_TOO_LARGE,
        "The request body exceeds the limit of " + settings.maxBodyBytes() + " bytes.");
  }

  private static boolean causedByTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RequestTooLargeException) {
        return true;
      }
    }
    return false;
  }

  private static void reject(HttpServletRequest request, HttpServletResponse response, Problem p)
      throws IOException {
    LOG.info("Request refused by the firewall (W6): {} {}", p.type().status(), p.detail());
    if (p.type() == ProblemType.METHOD_NOT_ALLOWED) {
      response.setHeader(
          "Allow", String.join(", ", new java.util.TreeSet<>(FirewallRules.ALLOWED_METHODS)));
    }
    if (p.type() == ProblemType.REQUEST_TOO_LARGE) {
      response.setHeader("Connection", "close");
    }
    ErrorResponder.respond(request, response, p);
  }
}
