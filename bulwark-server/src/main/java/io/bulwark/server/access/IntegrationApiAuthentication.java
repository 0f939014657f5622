package io.bulwark.server.access;

import jakarta.servlet.Filter;

/**
 * A way to authenticate integration API requests besides HTTP Basic, such as bearer access tokens
 * (A9). Each bean of this type contributes its {@link #filter()} to the integration API chain,
 * before Basic authentication; the filter is not registered as a servlet filter of its own.
 */
public interface IntegrationApiAuthentication {

  /**
   * The filter: it authenticates requests that carry its kind of credential, answers 401 for a bad
   * one, and passes every other request on untouched. Stateless: no session, no cookie.
   */
  Filter filter();

  /**
   * The challenge this kind of credential adds to a 401 for a request that brought none, for
   * example {@code Bearer realm="bulwark"} (RFC 6750): a client learns every scheme it may use.
   */
  String challenge();
}
