package io.bulwark.server.http;

import io.bulwark.server.doctor.DoctorMode;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.remote.HttpAnswer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.env.Environment;

/**
 * The security headers as the server's own header filter writes them (T5, W3), for the doctor
 * checks: in a serving context the registered filter (FAIL when it is missing or disabled), in the
 * {@code bulwark doctor} context, which has no web server, the filter the server would register.
 * The filter runs on a synthetic GET of the web app and of the integration API; the answers are
 * then graded by the remote probe's rules, so that local and remote grades agree.
 */
final class LiveHeaders {

  /** Where the web app answer is recorded. */
  static final String WEB_PATH = "/app/login";

  /** Where the integration API answer is recorded. */
  static final String API_PATH = "/engine-rest/process-definition";

  private final ObjectProvider<FilterRegistrationBean<SecurityHeadersFilter>> registrations;
  private final Environment environment;

  LiveHeaders(
      ObjectProvider<FilterRegistrationBean<SecurityHeadersFilter>> registrations,
      Environment environment) {
    this.registrations = registrations;
    this.environment = environment;
  }

  /**
   * Runs check {@code checkId}: FAIL when the serving context registers no header filter or a
   * disabled one, else the {@code grading} of what the filter writes on the web app and the API.
   */
  Finding check(String checkId, BiFunction<HttpAnswer, HttpAnswer, Finding> grading) {
    if (DoctorMode.isDoctor(environment)) {
      return grade(new SecurityHeadersFilter(), grading);
    }
    FilterRegistrationBean<SecurityHeadersFilter> registration = registrations.getIfAvailable();
    if (registration == null) {
      return missing(checkId, "the server registers no security header filter");
    }
    if (!registration.isEnabled()) {
      return missing(checkId, "the security header filter is registered but disabled");
    }
    Filter filter = registration.getFilter();
    if (filter == null) {
      return missing(checkId, "the security header filter is registered without a filter");
    }
    return grade(filter, grading);
  }

  /** Grades what {@code filter} writes on the web app and the API by the probe's rule. */
  static Finding grade(Filter filter, BiFunction<HttpAnswer, HttpAnswer, Finding> grading) {
    Finding f = grading.apply(record(filter, WEB_PATH), record(filter, API_PATH));
    return new Finding(f.checkId(), f.status(), "header filter: " + f.message(), f.fix());
  }

  private static Finding missing(String checkId, String problem) {
    return Finding.fail(checkId, problem, "keep HttpConfiguration's security header filter");
  }

  /** What the filter writes on a GET of the path, as the probe would have received it. */
  static HttpAnswer record(Filter filter, String path) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    HttpServletRequest request = request(path);
    HttpServletResponse response = response(headers);
    try {
      filter.doFilter(request, response, (req, res) -> {});
    } catch (IOException | ServletException e) {
      return new HttpAnswer("GET " + path + " (local)", -1, Map.of(), "");
    }
    return new HttpAnswer("GET " + path + " (local)", 200, headers, "");
  }

  // getRequestURL is the servlet API's, which answers a StringBuffer.
  @SuppressWarnings("JdkObsolete")
  private static HttpServletRequest request(String path) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            LiveHeaders.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRequestURI", "getServletPath" -> path;
                  case "getContextPath" -> "";
                  case "getMethod" -> "GET";
                  case "getScheme" -> "https";
                  case "isSecure" -> true;
                  case "getDispatcherType" -> DispatcherType.REQUEST;
                  case "getRequestURL" -> new StringBuffer("https://localhost").append(path);
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "GET " + path;
                  default -> defaultValue(method.getReturnType());
                });
  }

  private static HttpServletResponse response(Map<String, List<String>> headers) {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            LiveHeaders.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
              String name =
                  args != null && args.length > 0 && args[0] instanceof String s
                      ? s.toLowerCase(Locale.ROOT)
                      : "";
              switch (method.getName()) {
                case "setHeader" -> headers.put(name, new ArrayList<>(List.of((String) args[1])));
                case "addHeader" ->
                    headers.computeIfAbsent(name, n -> new ArrayList<>()).add((String) args[1]);
                case "containsHeader" -> {
                  return headers.containsKey(name);
                }
                case "getHeader" -> {
                  List<String> v = headers.get(name);
                  return v == null || v.isEmpty() ? null : v.get(0);
                }
                case "getStatus" -> {
                  return 200;
                }
                case "hashCode" -> {
                  return System.identityHashCode(proxy);
                }
                case "equals" -> {
                  return proxy == args[0];
                }
                case "toString" -> {
                  return "recorded response";
                }
                default -> {
                  return defaultValue(method.getReturnType());
                }
              }
              return null;
            });
  }

  private static @Nullable Object defaultValue(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return null;
  }
}
