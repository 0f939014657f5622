package io.bulwark.server.rest;

import io.bulwark.engine.api.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.ServletResponseMethodArgumentResolver;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Refuses, before any integration API handler runs, a query string with a parameter the handler
 * does not declare, or with a parameter given twice: 400 naming the parameter and the ones the
 * resource takes (W11), so that a filter Bulwark does not serve (one Camunda documents, say) never
 * silently widens an answer. A handler declares its parameters by its signature: the components of
 * the record its filters bind into, its {@code @RequestParam} names and its plain parameters of
 * simple type. A handler that takes {@code @RequestParam MultiValueMap} reads the query through
 * {@link QueryInput}, which applies the same rule with the resource's filter list. Only the query
 * string counts: form and multipart bodies are the handler's. Thread-safe.
 */
final class QueryParameterCheck implements HandlerInterceptor {

  /** A parameter name safe to repeat in a problem; any other is described, not echoed (W5). */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
  private static final ServletRequestMethodArgumentResolver SERVLET_REQUEST =
      new ServletRequestMethodArgumentResolver();
  private static final ServletResponseMethodArgumentResolver SERVLET_RESPONSE =
      new ServletResponseMethodArgumentResolver();

  /** Per handler method, its declared names; empty when the handler checks the query itself. */
  private final Map<Method, Optional<Set<String>>> declared = new ConcurrentHashMap<>();

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method) {
      check(
          request.getQueryString(),
          declared.computeIfAbsent(method.getMethod(), m -> declaredNames(method)));
    }
    return true;
  }

  /** Checks a raw query string (null: none) against the names a handler declares. */
  static void check(@Nullable String rawQuery, Optional<Set<String>> allowed) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    MultiValueMap<String, String> query =
        UriComponentsBuilder.newInstance().query(rawQuery).build().getQueryParams();
    for (var entry : query.entrySet()) {
      String name = UriUtils.decode(entry.getKey(), StandardCharsets.UTF_8);
      if (name.isEmpty()) {
        continue;
      }
      if (allowed.isPresent() && !allowed.get().contains(name)) {
        throw unknown(name, allowed.get());
      }
      if (entry.getValue().size() > 1) {
        throw ValidationException.of(
            describe(name),
            "single",
            "query parameter " + describe(name) + " may be given once (W11)");
      }
    }
  }

  /**
   * The problem for a query parameter or body member {@code name} outside {@code allowed}: 400
   * naming it when its name is plain, and the names the resource takes.
   */
  static ValidationException unknown(String name, Collection<String> allowed) {
    String shown = describe(name);
    return ValidationException.of(
        shown,
        "allowed-parameters",
        shown
            + " is not a parameter of this resource (unknown parameters are refused, not ignored;"
            + " W11); it takes "
            + (allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed))));
  }

  private static String describe(String name) {
    return PLAIN_NAME.matcher(name).matches() ? name : "a parameter";
  }

  /** The query names {@code handler} binds, or empty when it reads the whole query itself. */
  static Optional<Set<String>> declaredNames(HandlerMethod handler) {
    Set<String> names = new TreeSet<>();
    for (MethodParameter parameter : handler.getMethodParameters()) {
      parameter.initParameterNameDiscovery(NAMES);
      Class<?> type = parameter.getParameterType();
      RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
      boolean bound =
          !parameter.hasParameterAnnotations()
              || parameter.hasParameterAnnotation(ModelAttribute.class);
      if (requestParam != null) {
        if (Map.class.isAssignableFrom(type) && requestParam.name().isEmpty()) {
          return Optional.empty();
        }
        names.add(requestParam.name().isEmpty() ? nameOf(parameter) : requestParam.name());
      } else if (bound && type.isRecord()) {
        for (RecordComponent component : type.getRecordComponents()) {
          names.add(component.getName());
        }
      } else if (bound
          && BeanUtils.isSimpleProperty(type)
          && !SERVLET_REQUEST.supportsParameter(parameter)
          && !SERVLET_RESPONSE.supportsParameter(parameter)) {
        names.add(nameOf(parameter));
      }
      // Otherwise a path variable, the body, a header or the request itself: not the query.
    }
    return Optional.of(Set.copyOf(names));
  }

  private static String nameOf(MethodParameter parameter) {
    String name = parameter.getParameterName();
    if (name == null) {
      throw new IllegalStateException(
          "compile with -parameters: no name for a parameter of " + parameter.getMethod());
    }
    return name;
  }
}
