package io.bulwark.server.engine;

import io.bulwark.engine.api.AuditService;
import io.bulwark.engine.api.AuditVerification;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;

/**
 * Doctor check D4: the audit log's hash chain and checkpoint signatures verify. FAIL names the
 * first changed, removed or reordered record; WARN when the log is longer than {@value
 * #MAX_RECORDS} records (verification is skipped to bound the work: run {@code bulwark admin audit
 * verify}) or when its checkpoints are not signed or cannot be checked (no key store: a database
 * reached by URL).
 */
public final class D4AuditLogCheck implements LocalCheck {

  /** The most records the doctor reads. */
  static final long MAX_RECORDS = 200_000;

  private final AuditService audit;
  private final Principal doctor;
  private final long maxRecords;

  public D4AuditLogCheck(AuditService audit, Principal doctor) {
    this(audit, doctor, MAX_RECORDS);
  }

  D4AuditLogCheck(AuditService audit, Principal doctor, long maxRecords) {
    this.audit = audit;
    this.doctor = doctor;
    this.maxRecords = maxRecords;
  }

  @Override
  public String id() {
    return "D4";
  }

  @Override
  public Finding run() {
    AuditVerification result = audit.verify(doctor, maxRecords);
    return switch (result.outcome()) {
      case BROKEN ->
          Finding.fail(
              id(),
              "the audit log does not verify: " + result.problem(),
              "the log was changed outside Bulwark: compare record "
                  + result.firstBadSeq()
                  + " with your exports and backups (bulwark admin audit export), find out who"
                  + " writes to the database, and keep the damaged log as evidence");
      case TOO_LARGE ->
          Finding.warn(
              id(),
              "audit log not verified by doctor: " + result.problem(),
              "run 'bulwark admin audit verify', which reads the whole log");
      case VALID -> valid(result);
    };
  }

  private Finding valid(AuditVerification result) {
    String summary =
        "the audit log verifies: "
            + result.records()
            + " records chained, "
            + result.signedCheckpoints()
            + " signed checkpoints";
    if (result.records() >= AuditService.CHECKPOINT_INTERVAL && result.signedCheckpoints() == 0) {
      return Finding.warn(
          id(),
          summary + "; no checkpoint is signed: this storage has no key store",
          "the chain alone shows changes but not a log rewritten from the start: export the log"
              + " regularly (bulwark admin audit export) to storage the database cannot reach");
    }
    if (result.uncheckedCheckpoints() > 0) {
      return Finding.warn(
          id(),
          summary + "; " + result.uncheckedCheckpoints() + " checkpoint signatures not checked",
          "verify from the node whose key store signed them");
    }
    return Finding.pass(id(), summary);
  }
}
