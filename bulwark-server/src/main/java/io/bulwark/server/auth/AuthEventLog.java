package io.bulwark.server.auth;

import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.EndedSessions;
import io.bulwark.server.audit.AuditTrail;
import io.bulwark.server.http.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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
 * #MAX_VALUE_LENGTH} characters, so that a user name cannot forge an entry. Every event is also
 * appended to the tamper-evident audit log ({@link AuditTrail}, D4): this class is the one place
 * authentication events and the administrative operations on users and groups are written.
 * Thread-safe.
 */
@Component
public final class AuthEventLog {

  /** The logger that receives every authentication event. */
  public static final String LOGGER_NAME = "bulwark.auth";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
  private static final int MAX_VALUE_LENGTH = 64;
  private static final String NODE = AuditTrail.node();

  private final Clock clock = Clock.systemUTC();
  private final AuditTrail audit;

  public AuthEventLog(AuditTrail audit) {
    this.audit = audit;
  }

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
    info(event("login_success", true, userId, client).with("channel", tag(channel)));
  }

  void loginPending(String userId, Channel channel, String client) {
    info(
        event("login_password_change_required", true, userId, client)
            .with("channel", tag(channel)));
  }

  void loginFailed(String attemptedUser, Failure failure, Channel channel, String client) {
    warn(
        event("login_failure", false, attemptedUser, client)
            .with("reason", tag(failure))
            .with("channel", tag(channel)));
  }

  /** A login refused by the throttle before its password counted (A5); logged, never shown. */
  void loginThrottled(String attemptedUser, Enum<?> verdict, Channel channel, String client) {
    warn(
        event("login_throttled", false, attemptedUser, client)
            .with("reason", tag(verdict))
            .with("channel", tag(channel)));
  }

  /** An account is locked for a client address from now on (A5). */
  void lockout(String attemptedUser, Channel channel, String client) {
    warn(event("lockout", false, attemptedUser, client).with("channel", tag(channel)));
  }

  /** An administrator lifted an account's locks (A5). */
  public void unlocked(String actor, String userId, int locks, String client) {
    info(
        event("unlock", true, actor, client)
            .with("user", userId)
            .with("cleared", Integer.toString(locks)));
  }

  /**
   * An administrator or the operator changed a user (A7): {@code event} names the change, e.g.
   * {@code user_created}, {@code user_disabled}; {@code actor} is who did it.
   */
  public void userChanged(String actor, String event, String userId, String client) {
    info(event(event, true, actor, client).with("user", userId));
  }

  /**
   * The engine refused an operation (A7, Z8): one event per check denied, with the permission, the
   * resource and the rule that decided.
   */
  public void accessDenied(AuthorizationDeniedException denied, HttpServletRequest request) {
    for (AuthorizationDeniedException.Denied one : denied.denied()) {
      warn(
          event("access_denied", false, denied.userId(), request.getRemoteAddr())
              .with("permission", one.permission())
              .with("resource_type", one.resourceType())
              .with("resource", one.resourceId())
              .with("rule", one.rule()));
    }
  }

  /**
   * A location rule refused a signed-in user a path (A7, Z4): the path and the rule that decided.
   */
  public void locationDenied(String userId, String path, String rule, HttpServletRequest request) {
    warn(
        event("access_denied", false, userId, request.getRemoteAddr())
            .with("resource_type", "LOCATION")
            .with("resource", path)
            .with("rule", rule));
  }

  /** An administrator changed a group (A7): {@code event} such as {@code group_deleted}. */
  public void groupChanged(String actor, String event, String groupId, String client) {
    info(event(event, true, actor, client).with("group", groupId));
  }

  /**
   * An administrator created, changed or deleted an authorization rule (A7, Z2): {@code event} such
   * as {@code rule_created}.
   */
  public void ruleChanged(String actor, String event, String ruleId, String client) {
    info(event(event, true, actor, client).with("rule", ruleId));
  }

  /** An administrator added a user to a group or removed them (A7). */
  public void membershipChanged(
      String actor, String event, String userId, String groupId, String client) {
    info(event(event, true, actor, client).with("user", userId).with("group", groupId));
  }

  /** A request to the admin channel without its secret was refused (A7, W7). */
  public void adminChannelRefused(String reason, HttpServletRequest request) {
    warn(
        event("admin_channel_refused", false, null, request.getRemoteAddr())
            .with("reason", reason));
  }

  void logout(String userId, HttpServletRequest request) {
    info(event("logout", true, userId, request.getRemoteAddr()));
  }

  void sessionEnded(String userId, String reason, HttpServletRequest request) {
    info(event("session_ended", true, userId, request.getRemoteAddr()).with("reason", reason));
  }

  /**
   * {@code actor} ended sessions or tokens of {@code userId} over the API (A10): how many of each;
   * never a handle, session ID or token.
   */
  public void sessionsEnded(
      String actor, String userId, EndedSessions ended, HttpServletRequest request) {
    info(
        event("sessions_ended", true, actor, request.getRemoteAddr())
            .with("user", userId)
            .with("sessions", Integer.toString(ended.sessions()))
            .with("tokens", Integer.toString(ended.tokens())));
  }

  void passwordChanged(String userId, HttpServletRequest request) {
    info(event("password_changed", true, userId, request.getRemoteAddr()));
  }

  void passwordChangeRefused(String userId, List<String> rules, HttpServletRequest request) {
    warn(
        event("password_change_refused", false, userId, request.getRemoteAddr())
            .with("rules", String.join(",", rules)));
  }

  /** An access token was issued (A9); the token itself is never logged. */
  public void tokenIssued(String userId, Instant expires, HttpServletRequest request) {
    info(
        event("token_issued", true, userId, request.getRemoteAddr())
            .with("expires", expires.truncatedTo(ChronoUnit.SECONDS).toString()));
  }

  /** An access token was revoked by its holder (A9). */
  public void tokenRevoked(String userId, HttpServletRequest request) {
    info(event("token_revoked", true, userId, request.getRemoteAddr()));
  }

  /**
   * A bearer token was refused (A9): {@code reason} is the check's outcome (unknown, expired,
   * user_disabled, ...) or why the endpoint refused it; {@code userId} is null when unknown.
   */
  public void tokenRefused(Enum<?> reason, @Nullable String userId, HttpServletRequest request) {
    warn(
        event("token_refused", false, userId, request.getRemoteAddr()).with("reason", tag(reason)));
  }

  /**
   * A password recovery request (A11): {@code account} as typed, the engine's outcome (issued,
   * no_account, address_limit, ...) and the users a link was issued for; never the token.
   */
  public void recoveryRequested(
      String account, Enum<?> outcome, List<String> users, HttpServletRequest request) {
    info(
        event("password_recovery_requested", !users.isEmpty(), account, request.getRemoteAddr())
            .with("reason", tag(outcome))
            .with("users", String.join(",", users)));
  }

  /** A recovery mail could not be sent (A11); {@code reason} is the failure's type only. */
  public void recoveryMailFailed(String userId, String reason) {
    warn(event("password_recovery_mail_failed", false, userId, null).with("reason", reason));
  }

  /** A password was reset with an e-mailed link (A11); the user's sessions and tokens end. */
  public void passwordReset(String userId, HttpServletRequest request) {
    info(event("password_reset", true, userId, request.getRemoteAddr()));
  }

  /** A reset link was refused ({@code reason}: invalid_token or the policy rules broken). */
  public void passwordResetRefused(
      @Nullable String userId, String reason, HttpServletRequest request) {
    warn(
        event("password_reset_refused", false, userId, request.getRemoteAddr())
            .with("reason", reason));
  }

  /** A user changed their own profile (Z9). */
  void profileChanged(String userId, HttpServletRequest request) {
    info(event("profile_changed", true, userId, request.getRemoteAddr()));
  }

  /** A user asked to change their e-mail address; a link went to the new one (Z9, A11). */
  void emailChangeRequested(String userId, HttpServletRequest request) {
    info(event("email_change_requested", true, userId, request.getRemoteAddr()));
  }

  /** A mailed link changed a user's e-mail address (Z9, A11); {@code userId} null when refused. */
  public void emailVerified(@Nullable String userId, boolean success, HttpServletRequest request) {
    info(
        event(
            success ? "email_verified" : "email_verification_refused",
            success,
            userId,
            request.getRemoteAddr()));
  }

  /** A link to confirm a new e-mail address could not be sent; the failure's type only. */
  public void verificationMailFailed(String userId, String reason) {
    warn(event("email_verification_mail_failed", false, userId, null).with("reason", reason));
  }

  /** A change of the user's own profile was refused (Z9); the rules broken, no values. */
  void profileChangeRefused(String userId, List<String> rules, HttpServletRequest request) {
    warn(
        event("profile_change_refused", false, userId, request.getRemoteAddr())
            .with("rules", String.join(",", rules)));
  }

  /** The name of this node, as every event and the session registry give it. */
  static String node() {
    return NODE;
  }

  private JsonEvent event(
      String name, boolean success, @Nullable String principal, @Nullable String client) {
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

  /** Logs the event at INFO and appends it to the audit log (A7, D4). */
  private void info(JsonEvent event) {
    LOG.info(event.json());
    event.appendTo(audit);
  }

  /** Logs the event at WARN and appends it to the audit log (A7, D4). */
  private void warn(JsonEvent event) {
    LOG.warn(event.json());
    event.appendTo(audit);
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
    /** Fields that the audit record holds in columns of its own, not among its details. */
    private static final Set<String> COLUMNS = Set.of("time", "node", "event", "principal");

    /** The fields that name what the event concerns, the first present is the record's subject. */
    private static final List<String> SUBJECTS = List.of("user", "group", "rule");

    private final Map<String, @Nullable String> fields = new LinkedHashMap<>();

    JsonEvent with(String key, @Nullable String value) {
      fields.put(key, value);
      return this;
    }

    String json() {
      StringBuilder json = new StringBuilder(256).append('{');
      for (Map.Entry<String, String> field : fields.entrySet()) {
        if (json.length() > 1) {
          json.append(',');
        }
        json.append('"').append(field.getKey()).append("\":").append(jsonString(field.getValue()));
      }
      return json.append('}').toString();
    }

    /**
     * Appends the event to the audit log: its name as the kind, the user or group it concerns as
     * the subject, and the other fields as details (D4).
     */
    void appendTo(AuditTrail audit) {
      Map<String, String> details = new LinkedHashMap<>(fields);
      details.keySet().removeAll(COLUMNS);
      String subject =
          SUBJECTS.stream()
              .filter(fields::containsKey)
              .findFirst()
              .map(details::remove)
              .orElse(null);
      audit.append(
          fields.get("principal"),
          Objects.requireNonNull(fields.get("event"), "every event has a name"),
          subject,
          details);
    }
  }
}
