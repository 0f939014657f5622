package io.bulwark.cli;

import io.bulwark.engine.api.AuditVerification;
import io.bulwark.engine.api.LockedAccount;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserProfile;
import java.util.List;

/**
 * What {@code bulwark admin} does to users, whichever way it reaches the engine: through the
 * running server's admin channel ({@link AdminChannelClient}) or on the data directory ({@link
 * OfflineOperatorAdapter}). A refusal is the engine's exception offline and an {@link
 * OperatorFailure} with the server's problem detail (the same message) online.
 */
interface Operator {

  Secret createUser(String userId, UserProfile profile);

  Secret resetPassword(String userId);

  int unlock(String userId);

  void disable(String userId);

  void enable(String userId);

  List<LockedAccount> lockedAccounts();

  /** Checks the audit log's chain and checkpoints (D4). */
  AuditVerification verifyAudit();

  /** Up to a page of audit records after {@code afterSeq}, each with its JSON line (D4). */
  List<AuditLine> auditRecords(long afterSeq);

  /** One audit record as {@code bulwark admin audit export} writes it. */
  record AuditLine(long seq, String json) {}
}
