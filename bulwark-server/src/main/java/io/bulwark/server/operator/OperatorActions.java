package io.bulwark.server.operator;

import io.bulwark.engine.api.AuditService;
import io.bulwark.engine.api.AuditVerification;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.LockedAccount;
import io.bulwark.engine.api.LoginThrottleService;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.server.audit.AuditRecordJson;
import io.bulwark.server.auth.AuthEventLog;
import java.util.List;

/**
 * The operations of {@code bulwark admin} (issue 12 item 9), the same whether the command opened
 * the data directory itself or reached the running server through the admin channel: each is one
 * engine command, run as the trusted application {@value #OPERATOR_NAME} (the operator who can read
 * the data directory administers it), and written to the authentication log with the client ({@code
 * console} offline, the loopback address online; A7). One-time passwords are returned to be shown
 * once and never logged. Thread-safe.
 */
public final class OperatorActions {

  /** The name of the trusted application the operator acts as; its principal is {@code app:…}. */
  public static final String OPERATOR_NAME = "cli-admin";

  /** The most locked accounts {@link #lockedAccounts} lists (W8). */
  public static final int MAX_LOCKED = 2000;

  /** The most audit records {@link #auditRecords} answers at once (W8). */
  public static final int AUDIT_PAGE = 1000;

  private final IdentityService identity;
  private final AuditService audit;
  private final LoginThrottleService throttle;
  private final AuthEventLog events;
  private final Principal operator;

  public OperatorActions(BulwarkEngine engine, AuthEventLog events) {
    this.identity = engine.identityService();
    this.audit = engine.auditService();
    this.throttle = engine.loginThrottleService();
    this.events = events;
    this.operator = engine.trustedApplication(OPERATOR_NAME);
  }

  /** Creates a user who must change the returned one-time password at the first login (A2). */
  public Secret createUser(String userId, UserProfile profile, String client) {
    Secret password = identity.createUserWithOneTimePassword(operator, userId, profile);
    events.userChanged(operator.userId(), "user_created", userId, client);
    return password;
  }

  /** A new one-time password; the user's sessions and tokens end (A10). */
  public Secret resetPassword(String userId, String client) {
    Secret password = identity.resetToOneTimePassword(operator, userId);
    events.userChanged(operator.userId(), "password_reset_by_operator", userId, client);
    return password;
  }

  /**
   * Lifts every login-throttle lock of the user (A5).
   *
   * @return how many locks were lifted
   * @throws NotFoundException no such user
   */
  public int unlock(String userId, String client) {
    if (identity.findUser(userId).isEmpty()) {
      throw new NotFoundException("user " + userId + " not found");
    }
    int lifted = throttle.unlock(operator, userId);
    events.unlocked(operator.userId(), userId, lifted, client);
    return lifted;
  }

  /** Disables the user: no login, and their sessions and tokens end at the next request (A10). */
  public void disable(String userId, String client) {
    identity.disableUser(operator, userId);
    events.userChanged(operator.userId(), "user_disabled", userId, client);
  }

  /** Enables a disabled user again. */
  public void enable(String userId, String client) {
    identity.enableUser(operator, userId);
    events.userChanged(operator.userId(), "user_enabled", userId, client);
  }

  /** The accounts the login throttle holds locked now, at most {@value #MAX_LOCKED} (A5). */
  public List<LockedAccount> lockedAccounts() {
    return throttle.lockedAccounts(operator, MAX_LOCKED);
  }

  /** Checks the whole audit log's chain and checkpoints (D4); reads every record. */
  public AuditVerification verifyAudit() {
    return audit.verify(operator, Long.MAX_VALUE);
  }

  /** Up to {@value #AUDIT_PAGE} audit records after {@code afterSeq}, in chain order (D4). */
  public List<AuditRecordJson> auditRecords(long afterSeq) {
    return audit.list(operator, afterSeq, 0, AUDIT_PAGE).items().stream()
        .map(AuditRecordJson::of)
        .toList();
  }
}
