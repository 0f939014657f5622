package io.bulwark.server.access;

import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Logs the request path at start, at INFO, so it can be read top to bottom: the servlet filters in
 * front, then every Spring Security chain in the order it is tried, with its matcher and filters.
 */
public final class SecurityChainLog implements ApplicationListener<ContextRefreshedEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(SecurityChainLog.class);

  @Override
  public void onApplicationEvent(ContextRefreshedEvent event) {
    FilterChainProxy proxy =
        event.getApplicationContext().getBeanProvider(FilterChainProxy.class).getIfAvailable();
    if (proxy == null) {
      return;
    }
    LOG.info("{}", describe(proxy.getFilterChains()));
  }

  /** The readable list of the request path. */
  static String describe(List<SecurityFilterChain> chains) {
    StringBuilder text =
        new StringBuilder("Request path: CorrelationIdFilter -> SecurityHeadersFilter (W3)")
            .append(" -> RequestFirewallFilter (W6) -> ServiceGroupGate (W7)")
            .append(" -> Spring Security chains, first match wins:");
    int index = 1;
    for (SecurityFilterChain chain : chains) {
      String matcher =
          chain instanceof DefaultSecurityFilterChain known
              ? known.getRequestMatcher().toString()
              : chain.getClass().getSimpleName();
      List<String> names = new ArrayList<>();
      for (Filter filter : chain.getFilters()) {
        names.add(filter.getClass().getSimpleName());
      }
      text.append("\n  ")
          .append(index++)
          .append(". ")
          .append(matcher)
          .append(": ")
          .append(String.join(", ", names));
    }
    return text.toString();
  }
}
