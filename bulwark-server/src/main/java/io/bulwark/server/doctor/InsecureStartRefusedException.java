package io.bulwark.server.doctor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown before the web server opens its port when the production profile finds a FAIL or a
 * NOT-IMPLEMENTED requirement and the override {@code bulwark.allow-insecure-start} is not set
 * (O2). Carries no stack trace: the message lists every FAIL and is all an operator needs.
 */
public final class InsecureStartRefusedException extends DoctorException {

  private final transient List<Finding> failures;

  public InsecureStartRefusedException(List<Finding> failures) {
    super(describe(failures), false);
    this.failures = List.copyOf(failures);
  }

  /** The FAIL findings that refused the start. */
  public List<Finding> failures() {
    return failures;
  }

  private static String describe(List<Finding> failures) {
    return "Bulwark refuses to start in profile production: doctor reports "
        + failures.size()
        + " FAIL(s) (NOT-IMPLEMENTED counts as FAIL in production):"
        + failures.stream()
            .map(
                f ->
                    System.lineSeparator()
                        + "  "
                        + f.status().label()
                        + " "
                        + f.checkId()
                        + ": "
                        + f.message())
            .collect(Collectors.joining());
  }
}
