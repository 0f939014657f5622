package io.bulwark.server.doctor;

import java.util.Objects;

/**
 * What one check found.
 *
 * @param checkId the requirement ID the check proves, as in SECURITY-BASELINE.md ("T4", "W7")
 * @param status PASS, WARN, NOT-IMPLEMENTED or FAIL
 * @param message what was found, without secrets
 * @param fix how to fix a WARN or FAIL, or the plan for a NOT-IMPLEMENTED; empty for PASS
 */
public record Finding(String checkId, CheckStatus status, String message, String fix) {

  public Finding {
    Objects.requireNonNull(checkId, "checkId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    fix = fix == null ? "" : fix;
  }

  public static Finding pass(String checkId, String message) {
    return new Finding(checkId, CheckStatus.PASS, message, "");
  }

  public static Finding warn(String checkId, String message, String fix) {
    return new Finding(checkId, CheckStatus.WARN, message, fix);
  }

  public static Finding fail(String checkId, String message, String fix) {
    return new Finding(checkId, CheckStatus.FAIL, message, fix);
  }

  /** The requirement is not (fully) built yet; {@code plan} says what is missing and its plan. */
  public static Finding notImplemented(String checkId, String message, String plan) {
    return new Finding(checkId, CheckStatus.NOT_IMPLEMENTED, message, plan);
  }
}
