package io.bulwark.server.http;

import jakarta.servlet.ServletRequest;
import java.nio.charset.StandardCharsets;
import org.apache.coyote.Adapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.net.SocketEvent;

/**
 * Sends {@code OPTIONS *} through the request path like every other request (W3, W5, W6). Tomcat
 * answers it itself, before any valve or filter, with {@code 200} and an {@code Allow} list that
 * names TRACE, without security headers or a correlation ID. This adapter sits in front of
 * Tomcat's: it marks such a request and gives it the target {@code /*}, which Tomcat passes on, so
 * that it goes through the correlation ID and security headers filters to the request firewall,
 * which refuses the mark with a problem answer ({@link RequestFirewallFilter}). Every other request
 * passes unchanged.
 */
final class AsteriskFormAdapter implements Adapter {

  /** The request attribute that marks an {@code OPTIONS *} request. */
  static final String ATTRIBUTE = AsteriskFormAdapter.class.getName() + ".asteriskForm";

  private static final byte[] TARGET = "/*".getBytes(StandardCharsets.ISO_8859_1);

  private final Adapter tomcat;

  AsteriskFormAdapter(Adapter tomcat) {
    this.tomcat = tomcat;
  }

  /** Whether the request came as {@code OPTIONS *}. */
  static boolean isAsteriskForm(ServletRequest request) {
    return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
  }

  @Override
  public void service(Request req, Response res) throws Exception {
    if ("OPTIONS".equals(req.getMethod()) && req.requestURI().equals("*")) {
      req.setAttribute(ATTRIBUTE, true);
      req.requestURI().setBytes(TARGET, 0, TARGET.length);
    }
    tomcat.service(req, res);
  }

  @Override
  public boolean prepare(Request req, Response res) throws Exception {
    return tomcat.prepare(req, res);
  }

  @Override
  public boolean asyncDispatch(Request req, Response res, SocketEvent status) throws Exception {
    return tomcat.asyncDispatch(req, res, status);
  }

  @Override
  public void log(Request req, Response res, long time) {
    tomcat.log(req, res, time);
  }

  @Override
  public void checkRecycled(Request req, Response res) {
    tomcat.checkRecycled(req, res);
  }

  @Override
  public String getDomain() {
    return tomcat.getDomain();
  }
}
