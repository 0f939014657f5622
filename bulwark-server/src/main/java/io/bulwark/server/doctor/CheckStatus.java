package io.bulwark.server.doctor;

/** The outcome of one doctor check (O1). */
public enum CheckStatus {
  PASS,
  WARN,
  FAIL
}
