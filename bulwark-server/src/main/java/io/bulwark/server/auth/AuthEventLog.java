package io.bulwark.server.auth;

import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.EndedSessions;
import io.bulwark.server.http.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Writes authentication events to the dedicated logger {@value #LOGGER_NAME}, one JSON object per
 * event (A7): {@code time} (UTC), {@code node}, {@code event}, {@code outcome} ({@code success} or
 * {@code failure}), {@code principal}, {@code client} (the TCP peer), {@code correlation_id} (the
 * request's, W5) and the event's own fields such as {@code reason} and {@code channel}. Failed
 * logins say why (unknown user, wrong password, disabled, throttled) here only; the client never
 * learns it (A6). Passwords, tokens and session IDs are never passed in. Submitted values are
 * escaped as JSON strings (control characters as {@code \\uXXXX}) and cut to {@value
 * #MAX_VALUE_LENGTH} characters, so that a user name cannot forge an entry. Thread-safe.
 */
@Component
public final class AuthEventLog {

  /** The logger that receives every authentication event. */
  public static final String LOGGER_NAME = "bulwark.auth";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
  private static final int MAX_VALUE_LENGTH = 64;
  private static final String NODE = nodeName();

  private final Clock clock = Clock.systemUTC();

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
    LOG.info(event("login_success", true, userId, client).with("channel", tag(channel)).json());
  }

  void loginPending(String userId, Channel channel, String client) {
    LOG.info(
        event("login_password_change_required", true, userId, client)
            .with("channel", tag(channel))
            .json());
  }

  void loginFailed(String attemptedUser, Failure failure, Channel channel, String client) {
    LOG.warn(
        event("login_failure", false, attemptedUser, client)
            .with("reason", tag(failure))
            .with("channel", tag(channel))
            .json());
  }

  /** A login refused by the throttle before its password counted (A5); logged, never shown. */
  void loginThrottled(String attemptedUser, Enum<?> verdict, Channel channel, String client) {
    LOG.warn(
        event("login_throttled", false, attemptedUser, client)
            .with("reason", tag(verdict))
            .with("channel", tag(channel))
            .json());
  }

  /** An account is locked for a client address from now on (A5). */
  void lockout(String attemptedUser, Channel channel, String client) {
    LOG.warn(event("lockout", false, attemptedUser, client).with("channel", tag(channel)).json());
  }

  /** An administrator lifted an account's locks (A5). */
  public void unlocked(String actor, String userId, int locks, String client) {
    LOG.info(
        event("unlock", true, actor, client)
            .with("user", userId)
            .with("cleared", Integer.toString(locks))
            .json());
  }

  /**
   * An administrator or the operator changed a user (A7): {@code event} names the change, e.g.
   * {@code user_created}, {@code user_disabled}; {@code actor} is who did it.
   */
  public void userChanged(String actor, String event, String userId, String client) {
    LOG.info(event(event, true, actor, client).with("user", userId).json());
  }

  /**
   * The engine refused an operation (A7, Z8): one event per check denied, with the permission, the
   * resource and the rule that decided.
   */
  public void accessDenied(AuthorizationDeniedException denied, HttpServletRequest request) {
    for (AuthorizationDeniedException.Denied one : denied.denied()) {
      LOG.warn(
          event("access_denied", false, denied.userId(), request.getRemoteAddr())
              .with("permission", one.permission())
              .with("resource_type", one.resourceType())
              .with("resource", one.resourceId())
              .with("rule", one.rule())
              .json());
    }
  }

  /** An administrator changed a group (A7): {@code event} such as {@code group_deleted}. */
  public void groupChanged(String actor, String event, String groupId, String client) {
    LOG.info(event(event, true, actor, client).with("group", groupId).json());
  }

  /**
   * An administrator created, changed or deleted an authorization rule (A7, Z2): {@code event} such
   * as {@code rule_created}.
   */
  public void ruleChanged(String actor, String event, String ruleId, String client) {
    LOG.info(event(event, true, actor, client).with("rule", ruleId).json());
  }

  /** An administrator added a user to a group or removed them (A7). */
  public void membershipChanged(
      String actor, String event, String userId, String groupId, String client) {
    LOG.info(event(event, true, actor, client).with("user", userId).with("group", groupId).json());
  }

  /** A request to the admin channel without its secret was refused (A7, W7). */
  public void adminChannelRefused(String reason, HttpServletRequest request) {
    LOG.warn(
        event("admin_channel_refused", false, null, request.getRemoteAddr())
            .with("reason", reason)
            .json());
  }

  void logout(String userId, HttpServletRequest request) {
    LOG.info(event("logout", true, userId, request.getRemoteAddr()).json());
  }

  void sessionEnded(String userId, String reason, HttpServletRequest request) {
    LOG.info(
        event("session_ended", true, userId, request.getRemoteAddr())
            .with("reason", reason)
            .json());
  }

  /**
   * {@code actor} ended sessions or tokens of {@code userId} over the API (A10): how many of each;
   * never a handle, session ID or token.
   */
  public void sessionsEnded(
      String actor, String userId, EndedSessions ended, HttpServletRequest request) {
    LOG.info(
        event("sessions_ended", true, actor, request.getRemoteAddr())
            .with("user", userId)
            .with("sessions", Integer.toString(ended.sessions()))
            .with("tokens", Integer.toString(ended.tokens()))
            .json());
  }

  void passwordChanged(String userId, HttpServletRequest request) {
    LOG.info(event("password_changed", true, userId, request.getRemoteAddr()).json());
  }

  void passwordChangeRefused(String userId, List<String> rules, HttpServletRequest request) {
    LOG.warn(
        event("password_change_refused", false, userId, request.getRemoteAddr())
            .with("rules", String.join(",", rules))
            .json());
  }

  /** An access token was issued (A9); the token itself is never logged. */
  public void tokenIssued(String userId, Instant expires, HttpServletRequest request) {
    LOG.info(
        event("token_issued", true, userId, request.getRemoteAddr())
            .with("expires", expires.truncatedTo(ChronoUnit.SECONDS).toString())
            .json());
  }

  /** An access token was revoked by its holder (A9). */
  public void tokenRevoked(String userId, HttpServletRequest request) {
    LOG.info(event("token_revoked", true, userId, request.getRemoteAddr()).json());
  }

  /**
   * A bearer token was refused (A9): {@code reason} is the check's outcome (unknown, expired,
   * user_disabled, ...) or why the endpoint refused it; {@code userId} is null when unknown.
   */
  public void tokenRefused(Enum<?> reason, String userId, HttpServletRequest request) {
    LOG.warn(
        event("token_refused", false, userId, request.getRemoteAddr())
            .with("reason", tag(reason))
            .json());
  }

  /**
   * A password recovery request (A11): {@code account} as typed, the engine's outcome (issued,
   * no_account, address_limit, ...) and the users a link was issued for; never the token.
   */
  public void recoveryRequested(
      String account, Enum<?> outcome, List<String> users, HttpServletRequest request) {
    LOG.info(
        event("password_recovery_requested", !users.isEmpty(), account, request.getRemoteAddr())
            .with("reason", tag(outcome))
            .with("users", String.join(",", users))
            .json());
  }

  /** A recovery mail could not be sent (A11); {@code reason} is the failure's type only. */
  public void recoveryMailFailed(String userId, String reason) {
    LOG.warn(
        event("password_recovery_mail_failed", false, userId, null).with("reason", reason).json());
  }

  /** A password was reset with an e-mailed link (A11); the user's sessions and tokens end. */
  public void passwordReset(String userId, HttpServletRequest request) {
    LOG.info(event("password_reset", true, userId, request.getRemoteAddr()).json());
  }

  /** A reset link was refused ({@code reason}: invalid_token or the policy rules broken). */
  public void passwordResetRefused(String userId, String reason, HttpServletRequest request) {
    LOG.warn(
        event("password_reset_refused", false, userId, request.getRemoteAddr())
            .with("reason", reason)
            .json());
  }

  /** A user changed their own profile (Z9). */
  void profileChanged(String userId, HttpServletRequest request) {
    LOG.info(event("profile_changed", true, userId, request.getRemoteAddr()).json());
  }

  /** A user asked to change their e-mail address; a link went to the new one (Z9, A11). */
  void emailChangeRequested(String userId, HttpServletRequest request) {
    LOG.info(event("email_change_requested", true, userId, request.getRemoteAddr()).json());
  }

  /** A mailed link changed a user's e-mail address (Z9, A11); {@code userId} null when refused. */
  public void emailVerified(String userId, boolean success, HttpServletRequest request) {
    LOG.info(
        event(
                success ? "email_verified" : "email_verification_refused",
                success,
                userId,
                request.getRemoteAddr())
            .json());
  }

  /** A link to confirm a new e-mail address could not be sent; the failure's type only. */
  public void verificationMailFailed(String userId, String reason) {
    LOG.warn(
        event("email_verification_mail_failed", false, userId, null).with("reason", reason).json());
  }

  /** A change of the user's own profile was refused (Z9); the rules broken, no values. */
  void profileChangeRefused(String userId, List<String> rules, HttpServletRequest request) {
    LOG.warn(
        event("profile_change_refused", false, userId, request.getRemoteAddr())
            .with("rules", String.join(",", rules))
            .json());
  }

  /** The name of this node, as every event and the session registry give it. */
  static String node() {
    return NODE;
  }

  private JsonEvent event(String name, boolean success, String principal, String client) {
    return new JsonEvent()
        .with("time", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString())
        .with("node", NODE)
        .with("event", name)
        .with("outcome", success ? "success" : "failure")
        .with("principal", principal)
        .with("client", client)
        .with("correlation_id", MDC.get(CorrelationIdFilter.MDC_KEY));
  }

  private static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static String nodeName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  /**
   * A JSON string for {@code value}: quotes, backslashes, control characters (C0, DEL, C1) and the
   * Unicode line and paragraph separators escaped; at most {@value #MAX_VALUE_LENGTH} characters of
   * the value, then {@code ~}; {@code null} for a missing value.
   */
  static String jsonString(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE_LENGTH) + 8);
    out.append('"');
    int kept = Math.min(value.length(), MAX_VALUE_LENGTH);
    for (int i = 0; i < kept; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      out.append('~');
    }
    return out.append('"').toString();
  }

  /** One event's fields in order. Not thread-safe; one per event. */
  private static final class JsonEvent {
    private final StringBuilder json = new StringBuilder(256).append('{');

    JsonEvent with(String key, String value) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(key).append("\":").append(jsonString(value));
      return this;
    }

    String json() {
      return json.append('}').toString();
    }
  }
}
