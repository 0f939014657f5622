package io.bulwark.server.rest;

import io.bulwark.engine.api.AuditRecord;
import io.bulwark.engine.api.AuditService;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Page;
import io.bulwark.server.audit.AuditRecordJson;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulwark's audit log, which Camunda does not have (D4): {@code GET /engine-rest/audit} lists
 * records in chain order (READ on AUDIT_LOG; paged, W8), optionally only those after {@code
 * afterSeq}; {@code /count} counts them. Nothing changes or removes a record.
 */
@RestController
final class AuditController {

  private static final String PATH = RestPaths.BASE + "/audit";

  private final AuditService audit;

  AuditController(BulwarkEngine engine) {
    this.audit = engine.auditService();
  }

  /** The query parameters. */
  record AuditFilter(
      @Nullable Long afterSeq, @Nullable Integer firstResult, @Nullable Integer maxResults) {

    long after() {
      return afterSeq == null ? 0 : afterSeq;
    }
  }

  @GetMapping(PATH)
  List<AuditRecordJson> list(AuditFilter filter, Authentication authentication) {
    int first = ListParameters.firstResult(filter.firstResult());
    Page<AuditRecord> page =
        audit.list(
            Principals.of(authentication),
            filter.after(),
            first,
            ListParameters.maxResults(filter.maxResults()));
    ListParameters.requireComplete(filter.maxResults(), first, page.total());
    return page.items().stream().map(AuditRecordJson::of).toList();
  }

  @GetMapping(PATH + "/count")
  IdentityJson.Count count(AuditFilter filter, Authentication authentication) {
    return new IdentityJson.Count(
        audit.list(Principals.of(authentication), filter.after(), 0, 1).total());
  }
}
