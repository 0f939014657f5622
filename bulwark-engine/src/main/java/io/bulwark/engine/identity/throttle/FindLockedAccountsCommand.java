package io.bulwark.engine.identity.throttle;

import io.bulwark.engine.api.LockedAccount;
import io.bulwark.engine.api.LoginThrottleSettings;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The accounts locked now (A5): per address, then account-wide; needs READ on every user (Z2). */
final class FindLockedAccountsCommand implements Command<List<LockedAccount>> {

  private final LoginThrottleSettings settings;
  private final ThrottleRules rules;
  private final int max;
  private final LoginThrottleRepository repository;

  FindLockedAccountsCommand(
      LoginThrottleSettings settings,
      ThrottleRules rules,
      int max,
      LoginThrottleRepository repository) {
    this.settings = settings;
    this.rules = rules;
    this.max = max;
    this.repository = repository;
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.USER, Permission.READ);
  }

  @Override
  public List<LockedAccount> execute(CommandContext context) throws SQLException {
    Instant since = rules.forgetBefore(context.now());
    List<LockedAccount> locked = new ArrayList<>();
    locked.addAll(
        repository.lockedForAddresses(
            context.connection(), settings.lockoutFailures(), since, rules, max));
    locked.addAll(
        repository.lockedAccountWide(
            context.connection(), settings.accountFailures(), since, rules, max));
    locked.sort(
        Comparator.comparing(LockedAccount::userId).thenComparing(LockedAccount::clientAddress));
    return List.copyOf(locked.subList(0, Math.min(max, locked.size())));
  }
}
