package io.bulwark.engine.api;

import java.util.function.Consumer;

/**
 * The tamper-evident audit log (D4): one append-only, hash-chained log per database, shared by
 * every node, with a signed checkpoint every {@value #CHECKPOINT_INTERVAL} records when the engine
 * has a signing key (embedded storage: the local key store). Reading and verifying need READ on
 * {@code AUDIT_LOG}; nothing can change or remove a record through the API. Thread-safe.
 */
public interface AuditService {

  /** A checkpoint is signed after every this many records. */
  int CHECKPOINT_INTERVAL = 100;

  /**
   * Appends one record in its own transaction, serialized with every other node's appends.
   *
   * @return the stored record
   * @throws ValidationException the kind or a detail name is not lower-case letters, digits and
   *     {@code _}
   */
  AuditRecord append(AuditEvent event);

  /**
   * A page of records in chain order (W8), optionally only those after {@code afterSeq}.
   *
   * @param afterSeq 0 for the whole log
   */
  Page<AuditRecord> list(Principal actor, long afterSeq, int firstResult, int maxResults);

  /** Passes every record to {@code sink} in chain order, reading a page at a time. */
  void export(Principal actor, Consumer<AuditRecord> sink);

  /**
   * Checks the chain from the first record and every checkpoint signature; names the first changed,
   * removed or reordered record.
   *
   * @param maxRecords the most records to read; a longer log is answered {@code TOO_LARGE}
   */
  AuditVerification verify(Principal actor, long maxRecords);
}
