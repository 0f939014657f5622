package io.bulwark.cli;

import io.bulwark.engine.api.AuditVerification;
import io.bulwark.engine.api.LockedAccount;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.server.operator.OfflineOperator;
import io.bulwark.server.operator.OperatorActions;
import java.util.List;
import java.util.function.Function;

/**
 * The {@link Operator} of a stopped server: {@link OperatorActions} on the opened data directory,
 * logged with the client {@value OfflineOperator#CONSOLE}. The engine's exceptions pass through.
 */
final class OfflineOperatorAdapter implements Operator {

  private static final String CLIENT = OfflineOperator.CONSOLE;

  private final OperatorActions actions;

  private OfflineOperatorAdapter(OperatorActions actions) {
    this.actions = actions;
  }

  /** Opens the data directory, runs {@code operation} on it and closes it again. */
  static <T> T run(Function<Operator, T> operation, List<String> springArgs) {
    return OfflineOperator.run(
        actions -> operation.apply(new OfflineOperatorAdapter(actions)),
        springArgs.toArray(String[]::new));
  }

  @Override
  public Secret createUser(String userId, UserProfile profile) {
    return actions.createUser(userId, profile, CLIENT);
  }

  @Override
  public Secret resetPassword(String userId) {
    return actions.resetPassword(userId, CLIENT);
  }

  @Override
  public int unlock(String userId) {
    return actions.unlock(userId, CLIENT);
  }

  @Override
  public void disable(String userId) {
    actions.disable(userId, CLIENT);
  }

  @Override
  public void enable(String userId) {
    actions.enable(userId, CLIENT);
  }

  @Override
  public List<LockedAccount> lockedAccounts() {
    return actions.lockedAccounts();
  }

  @Override
  public AuditVerification verifyAudit() {
    return actions.verifyAudit();
  }

  @Override
  public List<AuditLine> auditRecords(long afterSeq) {
    return actions.auditRecords(afterSeq).stream()
        .map(record -> new AuditLine(record.seq(), record.line()))
        .toList();
  }
}
