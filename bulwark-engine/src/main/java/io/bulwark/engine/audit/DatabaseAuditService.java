package io.bulwark.engine.audit;

import io.bulwark.engine.api.AuditEvent;
import io.bulwark.engine.api.AuditRecord;
import io.bulwark.engine.api.AuditService;
import io.bulwark.engine.api.AuditVerification;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.crypto.AuditSigner;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@link AuditService} over the {@code bw_audit_*} tables, each operation a command of the one
 * {@link CommandExecutor}. Thread-safe.
 */
public final class DatabaseAuditService implements AuditService {

  private static final Actor SYSTEM = Actor.system("audit");
  private static final int EXPORT_PAGE = 1000;

  private final CommandExecutor executor;
  private final Optional<AuditSigner> signer;

  /**
   * @param signer signs a checkpoint every {@value AuditService#CHECKPOINT_INTERVAL} records and
   *     verifies them; empty when the storage has no key store
   */
  public DatabaseAuditService(CommandExecutor executor, Optional<AuditSigner> signer) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  @Override
  public AuditRecord append(AuditEvent event) {
    return executor.execute(
        SYSTEM, new AppendAuditRecordCommand(Objects.requireNonNull(event, "event"), signer));
  }

  @Override
  public Page<AuditRecord> list(Principal actor, long afterSeq, int firstResult, int maxResults) {
    return executor.execute(
        executor.actorOf(actor), new ListAuditRecordsCommand(afterSeq, firstResult, maxResults));
  }

  @Override
  public void export(Principal actor, Consumer<AuditRecord> sink) {
    long after = 0;
    while (true) {
      Page<AuditRecord> page = list(actor, after, 0, EXPORT_PAGE);
      page.items().forEach(sink);
      if (page.items().size() < EXPORT_PAGE) {
        return;
      }
      after = page.items().get(page.items().size() - 1).seq();
    }
  }

  @Override
  public AuditVerification verify(Principal actor, long maxRecords) {
    return executor.execute(executor.actorOf(actor), new VerifyAuditLogCommand(maxRecords, signer));
  }
}
