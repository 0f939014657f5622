package io.bulwark.server.access;

import io.bulwark.server.http.ErrorResponder;
import io.bulwark.server.http.Problem;
import io.bulwark.server.http.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The service group gate (W7), right after the request firewall and before authentication: a path
 * in no group, or in a group that is switched off, answers 404; a client whose address is outside
 * the group's allowlist answers 403. {@code /} redirects to {@code /app/}. The client address is
 * the TCP peer ({@code getRemoteAddr}); forwarding headers are ignored.
 */
public final class ServiceGroupGate extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceGroupGate.class);

  private final Map<ServiceGroup, Boolean> enabled = new EnumMap<>(ServiceGroup.class);
  private final Map<ServiceGroup, List<CidrBlock>> allowlists = new EnumMap<>(ServiceGroup.class);

  public ServiceGroupGate(ServiceGroupSettings settings) {
    for (ServiceGroup group : ServiceGroup.values()) {
      enabled.put(group, settings.of(group).enabled());
      allowlists.put(group, settings.allowlist(group));
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = pathOf(request);
    Optional<ServiceGroup> group = ServiceGroup.of(path);
    if (group.isEmpty() || !Boolean.TRUE.equals(enabled.get(group.get()))) {
      ErrorResponder.respond(
          request, response, Problem.of(ProblemType.NOT_FOUND, "No resource at this address."));
      return;
    }
    if (!allowed(group.get(), request.getRemoteAddr())) {
      LOG.info("Client outside the allowlist of service group {} refused (W7)", group.get());
      ErrorResponder.respond(
          request,
          response,
          Problem.of(ProblemType.FORBIDDEN, "This client may not reach this service."));
      return;
    }
    if ("/".equals(path)) {
      response.setStatus(HttpServletResponse.SC_FOUND);
      response.setHeader("Location", request.getContextPath() + "/app/");
      return;
    }
    chain.doFilter(request, response);
  }

  boolean allowed(ServiceGroup group, String remoteAddress) {
    Optional<InetAddress> address = literal(remoteAddress);
    if (address.isEmpty()) {
      return false;
    }
    for (CidrBlock block : allowlists.getOrDefault(group, List.of())) {
      if (block.contains(address.get())) {
        return true;
      }
    }
    return false;
  }

  /** The peer address as given by the container, never resolved through DNS. */
  static Optional<InetAddress> literal(String remoteAddress) {
    if (remoteAddress == null || remoteAddress.isEmpty()) {
      return Optional.empty();
    }
    String address = remoteAddress;
    int zone = address.indexOf('%');
    if (zone >= 0) {
      address = address.substring(0, zone);
    }
    if (!address.matches("[0-9A-Fa-f:.]+")) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          InetAddress.getByName(address.indexOf(':') >= 0 ? "[" + address + "]" : address));
    } catch (UnknownHostException ignored) {
      // Not an address literal: refuse rather than resolve.
      return Optional.empty();
    }
  }

  private static String pathOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context)
        ? uri.substring(context.length())
        : uri;
  }
}
