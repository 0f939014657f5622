package io.bulwark.server.doctor;

import java.util.Objects;

/**
 * What one check found.
 *
 * @param checkId the requirement ID the check proves, as in SECURITY-BASELINE.md ("T4", "W7")
 * @param status PASS, WARN or FAIL
 * @param message what was found, without secrets
 * @param fix how to fix a WARN or FAIL; empty for PASS
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
}
