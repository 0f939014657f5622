package io.bulwark.engine.audit;

import io.bulwark.engine.api.AuditEvent;
import io.bulwark.engine.api.AuditRecord;
import io.bulwark.engine.api.AuditService;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.crypto.AuditSigner;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Appends one record to the chain (D4): locks the head row, so that appends of every node on the
 * database run one after another and each links to the one before; every {@value
 * AuditService#CHECKPOINT_INTERVAL}th record also gets a signed checkpoint, in the same
 * transaction.
 */
final class AppendAuditRecordCommand implements Command<AuditRecord> {

  private final AuditBounds.Bounded event;
  private final Optional<AuditSigner> signer;

  AppendAuditRecordCommand(AuditEvent event, Optional<AuditSigner> signer) {
    this.event = AuditBounds.of(event);
    this.signer = signer;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("appends only; no one can change or remove a record through the API");
  }

  @Override
  public AuditRecord execute(CommandContext context) throws SQLException {
    AuditRepository.Head head = AuditRepository.lockHead(context.connection());
    Instant now = context.now().truncatedTo(ChronoUnit.MILLIS);
    AuditRecord unhashed =
        new AuditRecord(
            head.seq() + 1,
            now,
            event.node(),
            event.principal(),
            event.kind(),
            event.subject(),
            event.details(),
            head.hash(),
            ""); // the hash is not an input of AuditChain.hashOf: filled in below
    AuditRecord record =
        new AuditRecord(
            unhashed.seq(),
            now,
            unhashed.node(),
            unhashed.principal(),
            unhashed.kind(),
            unhashed.subject(),
            unhashed.details(),
            unhashed.prevHash(),
            AuditChain.hashOf(unhashed));
    AuditRepository.append(context.connection(), record);
    if (signer.isPresent() && record.seq() % AuditService.CHECKPOINT_INTERVAL == 0) {
      AuditSigner key = signer.get();
      AuditRepository.checkpoint(
          context.connection(),
          new AuditRepository.Checkpoint(
              record.seq(),
              record.hash(),
              now,
              key.keyId(),
              key.sign(AuditChain.checkpointText(record.seq(), record.hash()))));
    }
    return record;
  }
}
