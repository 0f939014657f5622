package io.bulwark.server.doctor;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The findings of one doctor run (O1), sorted by check ID; the same for the local and the remote
 * mode.
 *
 * @param mode {@code "local"} or {@code "remote"}
 * @param findings every finding, sorted by check ID (stable for equal IDs)
 */
public record DoctorReport(String mode, List<Finding> findings) {

  public static final String LOCAL = "local";
  public static final String REMOTE = "remote";

  public DoctorReport {
    Objects.requireNonNull(mode, "mode");
    findings = findings.stream().sorted(Comparator.comparing(Finding::checkId, ID_ORDER)).toList();
  }

  /** Orders "T2" before "T10": letter prefix, then number, then the rest. */
  private static final Comparator<String> ID_ORDER =
      Comparator.comparing(DoctorReport::prefix)
          .thenComparingInt(DoctorReport::number)
          .thenComparing(Comparator.naturalOrder());

  /** How many findings have the given status. */
  public long count(CheckStatus status) {
    return findings.stream().filter(f -> f.status() == status).count();
  }

  /** The FAIL findings. */
  public List<Finding> failures() {
    return findings.stream().filter(f -> f.status() == CheckStatus.FAIL).toList();
  }

  /** True when any finding is a FAIL; the CLI then exits with status 1. */
  public boolean hasFail() {
    return count(CheckStatus.FAIL) > 0;
  }

  private static String prefix(String id) {
    int i = 0;
    while (i < id.length() && !Character.isDigit(id.charAt(i))) {
      i++;
    }
    return id.substring(0, i);
  }

  private static int number(String id) {
    String rest = id.substring(prefix(id).length());
    int end = 0;
    while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(rest.substring(0, Math.min(end, 9)));
  }
}
