package io.bulwark.engine.api;

import java.util.Objects;

/**
 * What the login throttle decided before a password is checked (A5). A refused attempt must get
 * exactly the answer of a wrong password (A6); the verdict is for the authentication log only.
 *
 * @param verdict whether the password may be checked, and if not which limit refused it
 */
public record LoginAdmission(Verdict verdict) {

  /** The throttle's verdict on one attempt. */
  public enum Verdict {
    /** The password may be checked. */
    ADMITTED,
    /**
     * The password may be checked; if it is wrong, this account is locked for this client address
     * from now on (log the lockout, A7).
     */
    ADMITTED_LAST_BEFORE_LOCKOUT,
    /** Too soon after the last failures of this account from this address (progressive delay). */
    DELAYED,
    /** This account is locked for this client address. */
    LOCKED,
    /** This account is locked for every address it has not signed in from lately. */
    ACCOUNT_LOCKED,
    /** This client address failed too often, whatever the accounts. */
    ADDRESS_RATE_EXCEEDED
  }

  public LoginAdmission {
    Objects.requireNonNull(verdict, "verdict");
  }

  /** Whether the password may be checked. */
  public boolean isAdmitted() {
    return verdict == Verdict.ADMITTED || verdict == Verdict.ADMITTED_LAST_BEFORE_LOCKOUT;
  }
}
