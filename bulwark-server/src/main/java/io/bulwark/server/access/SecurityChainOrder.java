package io.bulwark.server.access;

/**
 * The order of the Spring Security filter chains, one per service group, then the catch-all. A
 * chain for the web apps takes {@link #WEB_APPS}.
 */
public final class SecurityChainOrder {

  /** The integration API chain ({@code /engine-rest/**}). */
  public static final int INTEGRATION_API = 10;

  /** The admin channel's chain ({@code /internal/admin/**}), ahead of the internal services. */
  public static final int ADMIN_CHANNEL = 15;

  /** The internal services chain ({@code /internal/**}). */
  public static final int INTERNAL = 20;

  /** The web apps chain ({@code /app/**}), added by the web app login. */
  public static final int WEB_APPS = 30;

  /** The catch-all chain that denies everything not matched before. */
  public static final int CATCH_ALL = Integer.MAX_VALUE - 100;

  private SecurityChainOrder() {}
}
