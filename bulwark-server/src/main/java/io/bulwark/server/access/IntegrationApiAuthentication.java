package io.bulwark.server.access;

import jakarta.servlet.Filter;
import java.util.Map;
import org.springframework.security.web.AuthenticationEntryPoint;

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

  /**
   * Request paths (exact, as the request firewall normalized them) where this kind of credential
   * answers a missing or failed authentication itself instead of with a problem, for example the
   * OAuth 2.0 token endpoint with RFC 6749's {@code invalid_client}; none by default.
   */
  default Map<String, AuthenticationEntryPoint> entryPoints() {
    return Map.of();
  }
}
