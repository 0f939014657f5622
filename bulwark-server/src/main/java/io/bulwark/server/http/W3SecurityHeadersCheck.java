package io.bulwark.server.http;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import org.springframework.stereotype.Component;

/**
 * Doctor check W3 (and T5 for HSTS): the security headers are the built-in, unweakened set. There
 * is no setting to weaken them, so this check passes unless the constants were edited into
 * something weaker, which it also detects (FAIL).
 */
@Component
public final class W3SecurityHeadersCheck implements LocalCheck {

  @Override
  public String id() {
    return "W3";
  }

  @Override
  public Finding run() {
    String csp = SecurityHeaders.CONTENT_SECURITY_POLICY;
    boolean strictCsp =
        csp.contains("frame-ancestors 'none'")
            && csp.contains("object-src 'none'")
            && !csp.contains("unsafe-inline")
            && !csp.contains("unsafe-eval");
    boolean hsts =
        SecurityHeaders.STRICT_TRANSPORT_SECURITY.startsWith("max-age=")
            && maxAge(SecurityHeaders.STRICT_TRANSPORT_SECURITY) >= 31_536_000L;
    boolean framing = "DENY".equals(SecurityHeaders.ALWAYS.get("X-Frame-Options"));
    boolean nosniff = "nosniff".equals(SecurityHeaders.ALWAYS.get("X-Content-Type-Options"));
    if (strictCsp && hsts && framing && nosniff) {
      return Finding.pass(
          id(),
          "Security headers on every response: CSP without inline script, HSTS one year (T5),"
              + " nosniff, X-Frame-Options DENY, Referrer-Policy, Permissions-Policy,"
              + " Cache-Control no-store");
    }
    return Finding.fail(
        id(),
        "Security headers weakened (CSP strict "
            + strictCsp
            + ", HSTS >= 1 year "
            + hsts
            + ", framing denied "
            + framing
            + ", nosniff "
            + nosniff
            + ")",
        "Restore the built-in values of io.bulwark.server.http.SecurityHeaders.");
  }

  static long maxAge(String hsts) {
    String value = hsts.substring("max-age=".length());
    int end = value.indexOf(';');
    try {
      return Long.parseLong((end < 0 ? value : value.substring(0, end)).trim());
    } catch (NumberFormatException ignored) {
      // An unreadable max-age counts as no HSTS.
      return 0;
    }
  }
}
