package io.bulwark.server.auth;

/** The web app URLs that the security configuration refers to; the pages live in {@code web}. */
public final class WebPaths {

  public static final String HOME = "/app/";
  public static final String LOGIN = "/app/login";
  public static final String LOGOUT = "/app/logout";
  public static final String PASSWORD = "/app/password";
  public static final String DENIED = "/app/denied";
  public static final String ASSETS = "/app/assets/**";
  public static final String LOST_PASSWORD = "/app/account/lost-password";
  public static final String RESET_PASSWORD = "/app/account/reset";
  public static final String PROFILE = "/app/account/profile";
  public static final String VERIFY_EMAIL = "/app/account/verify-email";

  private WebPaths() {}
}
