package io.bulwark.engine.identity.throttle;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Records a right password (A5): gives the address its rate slot back, clears the account's
 * failures from that address and makes the address a known one for the account. Locks the rows in
 * the order of {@link AdmitLoginCommand}.
 */
final class RecordLoginSuccessCommand implements Command<Void> {

  private final String account;
  private final String address;
  private final ThrottleRules rules;
  private final LoginThrottleRepository repository;

  RecordLoginSuccessCommand(
      String account, String address, ThrottleRules rules, LoginThrottleRepository repository) {
    this.account = account;
    this.address = address;
    this.rules = rules;
    this.repository = repository;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("records the outcome of a password the caller has just verified (A5)");
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    Connection c = context.connection();
    Instant now = context.now();
    Optional<Instant> emptyAt = repository.lockAddress(c, address);
    if (emptyAt.isPresent()) {
      repository.updateAddress(c, address, rules.returnAddressSlot(emptyAt.get(), now));
    }
    Optional<ThrottleRow> found = repository.lockFailures(c, account, address);
    if (found.isPresent()) {
      repository.updateFailures(
          c, account, address, new ThrottleRow(0, found.get().lastAttempt(), now));
    } else {
      repository.insertFailures(c, account, address, new ThrottleRow(0, now, now));
    }
    return null;
  }
}
