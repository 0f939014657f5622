package io.bulwark.server.doctor;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One requirement of {@code SECURITY-BASELINE.md} as doctor knows it (O1).
 *
 * @param id the baseline ID, e.g. {@code "A5"}
 * @param summary the requirement in a few words
 * @param coverage how much of it is built
 * @param missing what is not built yet and the plan; empty exactly when coverage is complete
 * @param buildProof for a requirement that neither doctor mode can observe at run time, the build's
 *     test that proves it; empty otherwise
 */
public record Requirement(
    String id, String summary, Coverage coverage, String missing, String buildProof) {

  private static final Pattern ID = Pattern.compile("[TAZWEDO][1-9][0-9]?");

  public Requirement {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(coverage, "coverage");
    missing = missing == null ? "" : missing;
    buildProof = buildProof == null ? "" : buildProof;
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("invalid requirement ID " + id);
    }
    if ((coverage == Coverage.COMPLETE) != missing.isEmpty()) {
      throw new IllegalArgumentException(
          id + ": a complete requirement names nothing missing, any other names what is missing");
    }
  }

  /** This requirement, proven by the named test of the build instead of a run-time check. */
  public Requirement provenByBuild(String test) {
    return new Requirement(id, summary, coverage, missing, test);
  }
}
