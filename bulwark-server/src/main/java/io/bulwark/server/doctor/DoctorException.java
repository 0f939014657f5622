package io.bulwark.server.doctor;

/** Root of the errors raised by the hardening audit (O1, O2). */
public class DoctorException extends RuntimeException {

  public DoctorException(String message) {
    super(message);
  }

  public DoctorException(String message, Throwable cause) {
    super(message, cause);
  }

  /** For errors whose stack trace would only add noise to the console (O2). */
  protected DoctorException(String message, boolean withStackTrace) {
    super(message, null, false, withStackTrace);
  }
}
