package io.bulwark.engine.identity.throttle;

import io.bulwark.engine.api.LoginAdmission.Verdict;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides one login attempt and counts it (A5): first the client address's failure rate, then the
 * account's failures from that address and from all addresses. Both rows are locked in that order
 * (address, then account), the same order as {@link RecordLoginSuccessCommand}, so that concurrent
 * attempts queue instead of deadlocking. An admitted attempt is counted as a failure at once; a
 * right password clears it afterwards.
 */
final class AdmitLoginCommand implements Command<Verdict> {

  private final @Nullable String account;
  private final String address;
  private final ThrottleRules rules;
  private final LoginThrottleRepository repository;

  /**
   * @param account the user ID, or null for an ID that breaks the ID pattern (only the address rate
   *     applies: no such account can exist)
   */
  AdmitLoginCommand(
      @Nullable String account,
      String address,
      ThrottleRules rules,
      LoginThrottleRepository repository) {
    this.account = account;
    this.address = address;
    this.rules = rules;
    this.repository = repository;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("login throttling runs before anyone is authenticated (A5)");
  }

  @Override
  public Verdict execute(CommandContext context) throws SQLException {
    Connection c = context.connection();
    Instant now = context.now();
    Optional<Instant> emptyAt = repository.lockAddress(c, address);
    Optional<Instant> taken = rules.takeAddressSlot(emptyAt.orElse(Instant.EPOCH), now);
    if (taken.isEmpty()) {
      return Verdict.ADDRESS_RATE_EXCEEDED;
    }
    if (emptyAt.isPresent()) {
      repository.updateAddress(c, address, taken.get());
    } else {
      repository.insertAddress(c, address, taken.get());
    }
    if (account == null) {
      return Verdict.ADMITTED;
    }
    Optional<ThrottleRow> found = repository.lockFailures(c, account, address);
    ThrottleRow row = found.orElse(ThrottleRow.NONE);
    int others = repository.otherFailures(c, account, address, rules.forgetBefore(now));
    Verdict verdict = rules.accountVerdict(row, others, now);
    if (verdict != Verdict.ADMITTED && verdict != Verdict.ADMITTED_LAST_BEFORE_LOCKOUT) {
      return verdict;
    }
    ThrottleRow counted = new ThrottleRow(rules.remembered(row, now) + 1, now, row.lastSuccess());
    if (found.isPresent()) {
      repository.updateFailures(c, account, address, counted);
    } else {
      repository.insertFailures(c, account, address, counted);
    }
    return verdict;
  }
}
