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
 */
public record Requirement(String id, String summary, Coverage coverage, String missing) {

  private static final Pattern ID = Pattern.compile("[TAZWEDO][1-9][0-9]?");

  public Requirement {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(coverage, "coverage");
    missing = missing == null ? "" : missing;
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("invalid requirement ID " + id);
    }
    if ((coverage == Coverage.COMPLETE) != missing.isEmpty()) {
      throw new IllegalArgumentException(
          id + ": a complete requirement names nothing missing, any other names what is missing");
    }
  }
}
