package io.bulwark.engine.audit;

import io.bulwark.engine.api.AuditVerification;
import io.bulwark.engine.api.AuditVerification.Outcome;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.crypto.AuditSigner;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Verifies the whole chain in one read transaction (D4; READ on AUDIT_LOG), reading at most {@code
 * maxRecords} records: a longer log is answered {@code TOO_LARGE} without reading it.
 */
final class VerifyAuditLogCommand implements Command<AuditVerification> {

  private final long maxRecords;
  private final Optional<AuditSigner> signer;

  VerifyAuditLogCommand(long maxRecords, Optional<AuditSigner> signer) {
    if (maxRecords < 1) {
      throw ValidationException.of("maxRecords", "min", "maxRecords must be at least 1");
    }
    this.maxRecords = maxRecords;
    this.signer = signer;
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.AUDIT_LOG, Permission.READ);
  }

  @Override
  public AuditVerification execute(CommandContext context) throws SQLException {
    AuditRepository.Head head = AuditRepository.head(context.connection());
    if (head.seq() > maxRecords) {
      return new AuditVerification(
          Outcome.TOO_LARGE,
          0,
          0,
          0,
          0,
          "the log has " + head.seq() + " records, more than the " + maxRecords + " to check");
    }
    // One row more than the head names: a record appended around the engine is read and reported.
    ChainVerifier verifier =
        new ChainVerifier(AuditRepository.checkpoints(context.connection()), signer);
    try (PreparedStatement scan = AuditRepository.scan(context.connection(), head.seq() + 1);
        ResultSet rows = scan.executeQuery()) {
      while (rows.next()) {
        if (!verifier.accept(AuditRepository.map(rows))) {
          break;
        }
      }
    }
    return verifier.finish(head);
  }
}
