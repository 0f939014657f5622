package io.bulwark.server.http;

import java.util.Map;

/**
 * The security headers sent on every response (W3, T5). There is no setting to weaken them; the W3
 * and T5 doctor checks run the server's header filter and grade what it writes.
 */
public final class SecurityHeaders {

  /** Strict CSP: no inline script or style, no framing, no plugins (W3). */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** Denies powerful browser features to every page (W3). */
  public static final String PERMISSIONS_POLICY =
      "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
          + "fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
          + "midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(self), "
          + "screen-wake-lock=(), sync-xhr=(), usb=(), xr-spatial-tracking=()";

  /** HSTS for one year, subdomains included (T5). */
  public static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

  /** The headers and values set on every response, in the order they are written. */
  public static final Map<String, String> ALWAYS =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY",
          "Referrer-Policy", "no-referrer",
          "Permissions-Policy", PERMISSIONS_POLICY,
          "Strict-Transport-Security", STRICT_TRANSPORT_SECURITY,
          "Cross-Origin-Opener-Policy", "same-origin");

  /** Cache-Control on everything except the static web app assets (W3). */
  public static final String NO_STORE = "no-store";

  /** The path prefix of static assets, which may be cached. */
  public static final String ASSETS_PREFIX = "/app/assets/";

  private SecurityHeaders() {}
}
