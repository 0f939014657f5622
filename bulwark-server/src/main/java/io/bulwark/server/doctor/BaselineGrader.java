package io.bulwark.server.doctor;

import io.bulwark.server.config.BulwarkProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the findings of one doctor run into one finding per baseline requirement (O1), the same way
 * in local and remote mode:
 *
 * <ul>
 *   <li>several findings for one ID become one, with the worst status and every message;
 *   <li>a requirement that is not complete ({@link Coverage}) is NOT-IMPLEMENTED, naming what is
 *       missing, unless a check found a FAIL;
 *   <li>a complete requirement that no check of this mode covers is a WARN that says so: doctor
 *       cannot vouch for what it did not look at;
 *   <li>findings for IDs outside the baseline are kept (and O1 reports them as a FAIL).
 * </ul>
 */
public final class BaselineGrader {

  /** The fix of a NOT-IMPLEMENTED finding whose checks name none. */
  static final String PLAN =
      "planned (see the README's baseline table); until it is built, the production profile"
          + " refuses to start unless bulwark.allow-insecure-start=true";

  private BaselineGrader() {}

  /**
   * Grades the findings.
   *
   * @param mode {@link DoctorReport#LOCAL} or {@link DoctorReport#REMOTE}
   * @param profile the profile whose rules decide whether NOT-IMPLEMENTED fails
   * @param findings what the checks of this mode found
   * @param unchecked the fix to name for a complete requirement no check of this mode covers
   */
  public static DoctorReport grade(
      String mode, BulwarkProfile profile, List<Finding> findings, String unchecked) {
    List<Finding> graded = new ArrayList<>();
    for (Requirement requirement : Baseline.ALL) {
      List<Finding> own =
          findings.stream().filter(f -> f.checkId().equals(requirement.id())).toList();
      graded.add(grade(requirement, own, mode, unchecked));
    }
    findings.stream().filter(f -> Baseline.find(f.checkId()).isEmpty()).forEach(graded::add);
    return new DoctorReport(mode, profile, graded);
  }

  private static Finding grade(
      Requirement requirement, List<Finding> own, String mode, String unchecked) {
    String id = requirement.id();
    if (own.isEmpty()) {
      if (requirement.coverage() == Coverage.COMPLETE && !requirement.buildProof().isEmpty()) {
        return Finding.warn(
            id,
            requirement.summary()
                + ": no "
                + mode
                + " check; enforced in code, not observable at run time",
            "nothing to change here: proven when Bulwark is built, by " + requirement.buildProof());
      }
      if (requirement.coverage() == Coverage.COMPLETE) {
        return Finding.warn(id, requirement.summary() + ": no " + mode + " check", unchecked);
      }
      return Finding.notImplemented(
          id, requirement.summary() + ": not implemented: " + requirement.missing(), PLAN);
    }
    CheckStatus status = CheckStatus.PASS;
    Set<String> fixes = new LinkedHashSet<>();
    List<String> messages = new ArrayList<>();
    for (Finding f : own) {
      status = status.worst(f.status());
      messages.add(f.message());
      if (!f.fix().isEmpty()) {
        fixes.add(f.fix());
      }
    }
    String message = String.join("; ", messages);
    if (requirement.coverage() != Coverage.COMPLETE && status != CheckStatus.FAIL) {
      return Finding.notImplemented(
          id,
          message + "; not implemented: " + requirement.missing(),
          fixes.isEmpty() ? PLAN : String.join("; ", fixes));
    }
    return new Finding(id, status, message, String.join("; ", fixes));
  }
}
