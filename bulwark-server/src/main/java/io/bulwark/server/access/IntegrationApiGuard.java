package io.bulwark.server.access;

import jakarta.servlet.Filter;

/**
 * A check of authenticated integration API requests, for rules that the engine cannot make: each
 * bean's {@link #filter()} joins the integration API chain after authentication (Basic and the
 * {@link IntegrationApiAuthentication} filters), in bean order; the filter is not registered as a
 * servlet filter of its own.
 */
public interface IntegrationApiGuard {

  /**
   * The filter: it answers a request it refuses with a problem (W5) and passes every other request
   * on untouched, including unauthenticated ones, which the chain then refuses with 401.
   */
  Filter filter();
}
