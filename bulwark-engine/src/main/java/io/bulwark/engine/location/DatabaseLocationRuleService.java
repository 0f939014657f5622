package io.bulwark.engine.location;

import io.bulwark.engine.api.LocationDecision;
import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.api.LocationRuleService;
import io.bulwark.engine.api.LocationRuleSet;
import io.bulwark.engine.api.NewLocationRule;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.CommandExecutor;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The engine's {@link LocationRuleService}: one command per call through the executor. */
public final class DatabaseLocationRuleService implements LocationRuleService {

  private static final Actor REQUEST_PATH = Actor.system("location-rules");

  private final CommandExecutor executor;

  public DatabaseLocationRuleService(CommandExecutor executor) {
    this.executor = executor;
  }

  @Override
  public List<LocationRule> findRules(Principal principal) {
    return executor.execute(executor.actorOf(principal), new FindLocationRulesCommand());
  }

  @Override
  public LocationRule createRule(
      Principal principal, NewLocationRule rule, @Nullable Integer position) {
    return executor.execute(
        executor.actorOf(principal), new CreateLocationRuleCommand(rule, position));
  }

  @Override
  public LocationRule updateRule(Principal principal, String ruleId, NewLocationRule rule) {
    return executor.execute(
        executor.actorOf(principal), new UpdateLocationRuleCommand(ruleId, rule));
  }

  @Override
  public void deleteRule(Principal principal, String ruleId) {
    executor.execute(executor.actorOf(principal), new DeleteLocationRuleCommand(ruleId));
  }

  @Override
  public List<LocationRule> reorderRules(Principal principal, List<String> ruleIds) {
    return executor.execute(executor.actorOf(principal), new ReorderLocationRulesCommand(ruleIds));
  }

  @Override
  public LocationDecision explain(Principal principal, @Nullable String userId, String path) {
    return executor.execute(executor.actorOf(principal), new ExplainLocationCommand(userId, path));
  }

  @Override
  public Optional<LocationRuleSet> ruleSetIfChanged(long knownVersion) {
    return executor.execute(REQUEST_PATH, new LoadLocationRulesCommand(knownVersion));
  }
}
