package io.bulwark.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes authentication events to the dedicated logger {@value #LOGGER_NAME} as one line of {@code
 * key=value} pairs (A7). Failed logins say why (unknown user, wrong password, disabled, password
 * change pending) here only; the client never learns it (A6). Passwords, tokens and session IDs are
 * never passed in. Values are reduced to a safe character set and a bounded length, so that a
 * submitted user name cannot forge log lines.
 */
@Component
public final class AuthEventLog {

  /** The logger that receives every authentication event. */
  public static final String LOGGER_NAME = "bulwark.auth";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
  private static final int MAX_VALUE_LENGTH = 64;

  /** Why a login was refused; logged, never shown. */
  public enum Failure {
    UNKNOWN_USER,
    WRONG_PASSWORD,
    DISABLED,
    PASSWORD_CHANGE_REQUIRED
  }

  /** Where the login came from: the web apps' form or the API's Basic authentication. */
  public enum Channel {
    WEB,
    API
  }

  void loginSucceeded(String userId, Channel channel, String client) {
    LOG.info(
        "event=login_success user={} channel={} client={}", safe(userId), tag(channel), client);
  }

  void loginPending(String userId, Channel channel, String client) {
    LOG.info(
        "event=login_password_change_required user={} channel={} client={}",
        safe(userId),
        tag(channel),
        client);
  }

  void loginFailed(String attemptedUser, Failure failure, Channel channel, String client) {
    LOG.warn(
        "event=login_failure reason={} user={} channel={} client={}",
        tag(failure),
        safe(attemptedUser),
        tag(channel),
        client);
  }

  void logout(String userId, HttpServletRequest request) {
    LOG.info("event=logout user={} client={}", safe(userId), request.getRemoteAddr());
  }

  void sessionEnded(String userId, String reason, HttpServletRequest request) {
    LOG.info(
        "event=session_ended reason={} user={} client={}",
        reason,
        safe(userId),
        request.getRemoteAddr());
  }

  void passwordChanged(String userId, HttpServletRequest request) {
    LOG.info("event=password_changed user={} client={}", safe(userId), request.getRemoteAddr());
  }

  void passwordChangeRefused(String userId, List<String> rules, HttpServletRequest request) {
    LOG.warn(
        "event=password_change_refused user={} rules={} client={}",
        safe(userId),
        safe(String.join(",", rules)),
        request.getRemoteAddr());
  }

  /** An access token was issued (A9); the token itself is never logged. */
  public void tokenIssued(String userId, Instant expires, HttpServletRequest request) {
    LOG.info(
        "event=token_issued user={} expires={} client={}",
        safe(userId),
        expires,
        request.getRemoteAddr());
  }

  /** An access token was revoked by its holder (A9). */
  public void tokenRevoked(String userId, HttpServletRequest request) {
    LOG.info("event=token_revoked user={} client={}", safe(userId), request.getRemoteAddr());
  }

  /**
   * A bearer token was refused (A9): {@code reason} is the check's outcome (unknown, expired,
   * user_disabled, ...) or why the endpoint refused it; {@code userId} is null when unknown.
   */
  public void tokenRefused(Enum<?> reason, String userId, HttpServletRequest request) {
    LOG.warn(
        "event=token_refused reason={} user={} client={}",
        tag(reason),
        safe(userId),
        request.getRemoteAddr());
  }

  private static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static String safe(String value) {
    if (value == null || value.isEmpty()) {
      return "-";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE_LENGTH) + 1);
    for (int i = 0; i < value.length() && out.length() < MAX_VALUE_LENGTH; i++) {
      char c = value.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-'
              || c == '@'
              || c == ',';
      out.append(plain ? c : '?');
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      out.append('~');
    }
    return out.toString();
  }
}
