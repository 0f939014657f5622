package io.bulwark.cli;

import io.bulwark.cli.Operator.AuditLine;
import io.bulwark.engine.api.AuditVerification;
import java.util.List;

/** What {@code bulwark admin audit verify|export} print (D4). */
final class AuditText {

  private AuditText() {}

  /**
   * The verdict of an intact log.
   *
   * @throws OperatorFailure the log does not verify: names the first bad record (exit status 1)
   */
  static String verified(AuditVerification result) {
    if (result.outcome() != AuditVerification.Outcome.VALID) {
      throw new OperatorFailure("the audit log does not verify: " + result.problem());
    }
    String text =
        "the audit log verifies: "
            + result.records()
            + " records chained, "
            + result.signedCheckpoints()
            + " checkpoint signatures valid";
    if (result.uncheckedCheckpoints() > 0) {
      text += ", " + result.uncheckedCheckpoints() + " not checked (no signing key here)";
    }
    return text;
  }

  /** Every record as one JSON line, in chain order, read a page at a time. */
  static String export(Operator operator) {
    StringBuilder text = new StringBuilder();
    long after = 0;
    while (true) {
      List<AuditLine> page = operator.auditRecords(after);
      for (AuditLine line : page) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(line.json());
      }
      if (page.isEmpty()) {
        return text.toString();
      }
      after = page.get(page.size() - 1).seq();
    }
  }
}
