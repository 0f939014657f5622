package io.bulwark.engine.location;

import io.bulwark.engine.api.LocationRuleSet;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The rule set for the server's request path (Z4), unless the caller already holds its version:
 * then one statement reads one number.
 */
public final class LoadLocationRulesCommand implements Command<Optional<LocationRuleSet>> {

  private final long knownVersion;

  public LoadLocationRulesCommand(long knownVersion) {
    this.knownVersion = knownVersion;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none(
        "the server reads the location rules to decide each request before anyone is authorized"
            + " (Z4)");
  }

  /**
   * Reads only. The version and the rules need no common snapshot: rules read after the version are
   * at least as new as it, so a set is never older than the version it is held under, and the next
   * request that reads a higher version reloads it.
   */
  @Override
  public boolean readOnly() {
    return true;
  }

  @Override
  public Optional<LocationRuleSet> execute(CommandContext context) throws SQLException {
    return LocationRuleRepository.ifChanged(context.connection(), knownVersion);
  }
}
