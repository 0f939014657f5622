package io.bulwark.server.doctor;

import io.bulwark.server.config.BulwarkProfile;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The findings of one doctor run (O1), in the baseline's order (IDs outside it last); the same for
 * the local and the remote mode.
 *
 * @param mode {@code "local"} or {@code "remote"}
 * @param profile the profile the findings are judged for: in production a NOT-IMPLEMENTED fails
 * @param findings every finding, sorted by check ID (stable for equal IDs)
 */
public record DoctorReport(String mode, BulwarkProfile profile, List<Finding> findings) {

  public static final String LOCAL = "local";
  public static final String REMOTE = "remote";

  public DoctorReport {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(profile, "profile");
    findings = findings.stream().sorted(Comparator.comparing(Finding::checkId, ID_ORDER)).toList();
  }

  /** Baseline IDs in the baseline's order, then others: letter prefix, then number. */
  private static final Comparator<String> ID_ORDER =
      Comparator.comparingInt(DoctorReport::baselineIndex)
          .thenComparing(DoctorReport::prefix)
          .thenComparingInt(DoctorReport::number)
          .thenComparing(Comparator.naturalOrder());

  /** How many findings have the given status. */
  public long count(CheckStatus status) {
    return findings.stream().filter(f -> f.status() == status).count();
  }

  /** The findings that fail in this report's profile: FAIL, and NOT-IMPLEMENTED in production. */
  public List<Finding> failures() {
    return findings.stream().filter(f -> f.status().failsIn(profile)).toList();
  }

  /** True when any finding fails in this profile; the CLI then exits with status 1. */
  public boolean hasFail() {
    return !failures().isEmpty();
  }

  private static int baselineIndex(String id) {
    for (int i = 0; i < Baseline.ALL.size(); i++) {
      if (Baseline.ALL.get(i).id().equals(id)) {
        return i;
      }
    }
    return Baseline.ALL.size();
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
