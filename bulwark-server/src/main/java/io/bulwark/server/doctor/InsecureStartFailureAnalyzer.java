package io.bulwark.server.doctor;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused production start into Spring Boot's "APPLICATION FAILED TO START" report: the
 * FAILs and their fixes, no stack trace on the console (O2).
 */
public final class InsecureStartFailureAnalyzer
    extends AbstractFailureAnalyzer<InsecureStartRefusedException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InsecureStartRefusedException cause) {
    String action =
        cause.failures().stream()
                .map(f -> "  " + f.checkId() + ": " + f.fix())
                .collect(Collectors.joining(System.lineSeparator(), "Fix each FAIL:\n", "\n"))
            + "Run 'bulwark doctor --profile production' to see every check. Only if you accept"
            + " the risk: set bulwark.allow-insecure-start=true (logged at every start).";
    return new FailureAnalysis(cause.getMessage(), action, cause);
  }
}
