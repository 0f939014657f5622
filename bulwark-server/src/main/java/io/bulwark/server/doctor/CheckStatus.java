package io.bulwark.server.doctor;

import io.bulwark.server.config.BulwarkProfile;

/**
 * The outcome of one doctor check (O1), ordered from best to worst.
 *
 * <p>{@link #NOT_IMPLEMENTED} says that Bulwark does not (fully) build the requirement yet: it
 * counts as a FAIL in the production profile (the server refuses to start, O2) and as a WARN in dev
 * and test.
 */
public enum CheckStatus {
  PASS,
  WARN,
  NOT_IMPLEMENTED,
  FAIL;

  /** How the status is printed: {@code NOT-IMPLEMENTED} with a hyphen, the others by name. */
  public String label() {
    return name().replace('_', '-');
  }

  /** True when this status stops a start or makes {@code doctor} exit 1 in the profile. */
  public boolean failsIn(BulwarkProfile profile) {
    return this == FAIL || (this == NOT_IMPLEMENTED && profile == BulwarkProfile.PRODUCTION);
  }

  /** The worse of two statuses. */
  public CheckStatus worst(CheckStatus other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
