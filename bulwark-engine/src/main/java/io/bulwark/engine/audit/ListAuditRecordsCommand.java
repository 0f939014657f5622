package io.bulwark.engine.audit;

import io.bulwark.engine.api.AuditRecord;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import java.sql.SQLException;

/** A page of audit records in chain order (D4, W8; READ on AUDIT_LOG). */
final class ListAuditRecordsCommand implements Command<Page<AuditRecord>> {

  private final long afterSeq;
  private final int firstResult;
  private final int maxResults;

  ListAuditRecordsCommand(long afterSeq, int firstResult, int maxResults) {
    if (afterSeq < 0) {
      throw ValidationException.of("afterSeq", "min", "afterSeq must not be negative");
    }
    this.afterSeq = afterSeq;
    this.firstResult = firstResult;
    this.maxResults = maxResults;
    query();
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.AUDIT_LOG, Permission.READ);
  }

  @Override
  public Page<AuditRecord> execute(CommandContext context) throws SQLException {
    ListQuery query = query();
    return new Page<>(
        query.list(context.connection(), AuditRepository::map), query.count(context.connection()));
  }

  private ListQuery query() {
    return AuditRepository.RECORDS
        .query()
        .where("r.seq > ?", afterSeq)
        .page(firstResult, maxResults)
        .authorizationFilter(
            SqlFilter.unrestricted("READ on the whole AUDIT_LOG was required to run"))
        .build();
  }
}
