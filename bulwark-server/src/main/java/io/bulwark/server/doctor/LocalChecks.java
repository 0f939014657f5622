package io.bulwark.server.doctor;

import io.bulwark.server.config.BulwarkProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs local checks in ID order (O1) and grades them against the baseline ({@link BaselineGrader}).
 * A check that throws becomes a FAIL with the exception type only: its message may carry internals,
 * so it goes to the log, not to the report.
 */
public final class LocalChecks {

  private static final Logger LOG = LoggerFactory.getLogger(LocalChecks.class);

  private LocalChecks() {}

  /** The fix named for a complete requirement that no local check covers. */
  static final String UNCHECKED =
      "probe the running server with 'bulwark doctor --remote https://host:port'";

  /** Runs every check once and reports every baseline ID; never throws. */
  public static DoctorReport run(Collection<? extends LocalCheck> checks, BulwarkProfile profile) {
    List<LocalCheck> sorted = new ArrayList<>(checks);
    sorted.sort(Comparator.comparing(LocalCheck::id));
    List<Finding> findings = new ArrayList<>();
    for (LocalCheck check : sorted) {
      findings.add(runOne(check));
    }
    return BaselineGrader.grade(DoctorReport.LOCAL, profile, findings, UNCHECKED);
  }

  private static Finding runOne(LocalCheck check) {
    try {
      Finding finding = check.run();
      return finding != null
          ? finding
          : Finding.fail(check.id(), "check returned no finding", "report a bug in this check");
    } catch (RuntimeException e) {
      LOG.error("doctor check {} ({}) failed", check.id(), check.getClass().getName(), e);
      return Finding.fail(
          check.id(),
          "check could not run (" + e.getClass().getSimpleName() + ")",
          "see the server log for the cause");
    }
  }
}
