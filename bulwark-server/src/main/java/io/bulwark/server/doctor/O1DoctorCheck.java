package io.bulwark.server.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * O1/O3: the audit itself, as registered in this context. FAIL when a check carries an ID that is
 * not in the baseline (its finding would be reported under no requirement) or when a serving
 * context has no {@link StartupDoctor} (the audit would not run at start); otherwise it reports how
 * many requirements the local checks cover.
 */
@Component
final class O1DoctorCheck implements LocalCheck {

  private final ObjectProvider<LocalCheck> checks;
  private final ObjectProvider<StartupDoctor> startup;
  private final Environment environment;

  O1DoctorCheck(
      ObjectProvider<LocalCheck> checks,
      ObjectProvider<StartupDoctor> startup,
      Environment environment) {
    this.checks = checks;
    this.startup = startup;
    this.environment = environment;
  }

  @Override
  public String id() {
    return "O1";
  }

  @Override
  public Finding run() {
    List<String> ids = checks.stream().map(LocalCheck::id).toList();
    boolean audited = DoctorMode.isDoctor(environment) || startup.getIfAvailable() != null;
    return judge(ids, audited);
  }

  /**
   * Judges the registered check IDs.
   *
   * @param ids the IDs of every registered local check
   * @param auditAtStart whether the audit runs at start (or this is the doctor command itself)
   */
  static Finding judge(List<String> ids, boolean auditAtStart) {
    Set<String> unknown = new TreeSet<>();
    Set<String> covered = new TreeSet<>();
    for (String id : ids) {
      (Baseline.find(id).isPresent() ? covered : unknown).add(id);
    }
    List<String> problems = new ArrayList<>();
    if (!unknown.isEmpty()) {
      problems.add("checks registered under IDs outside the baseline: " + unknown);
    }
    if (!auditAtStart) {
      problems.add("the server context has no start-up audit (StartupDoctor)");
    }
    if (!problems.isEmpty()) {
      return Finding.fail(
          "O1",
          String.join("; ", problems),
          "give every LocalCheck an ID of SECURITY-BASELINE.md (see Baseline) and keep"
              + " StartupDoctor in the server context");
    }
    return Finding.pass(
        "O1",
        ids.size()
            + " local checks cover "
            + covered.size()
            + " of "
            + Baseline.ALL.size()
            + " requirements; doctor runs at every start, locally and with --remote");
  }
}
