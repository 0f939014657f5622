package io.bulwark.engine.grant;

import io.bulwark.engine.api.AccessAnswer;
import io.bulwark.engine.api.AuthorizationQuery;
import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.AuthorizationService;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.command.CommandExecutor;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The engine's {@link AuthorizationService}: one command per call through the executor. */
public final class DefaultAuthorizationService implements AuthorizationService {

  private final CommandExecutor executor;

  public DefaultAuthorizationService(CommandExecutor executor) {
    this.executor = executor;
  }

  @Override
  public AuthorizationRule createRule(Principal principal, NewAuthorizationRule rule) {
    return executor.execute(executor.actorOf(principal), new CreateRuleCommand(rule));
  }

  @Override
  public Optional<AuthorizationRule> findRule(Principal principal, String ruleId) {
    return executor.execute(executor.actorOf(principal), new GetRuleCommand(ruleId));
  }

  @Override
  public Page<AuthorizationRule> findRules(Principal principal, AuthorizationQuery query) {
    return executor.execute(executor.actorOf(principal), new FindRulesCommand(query));
  }

  @Override
  public AuthorizationRule updateRule(
      Principal principal, String ruleId, NewAuthorizationRule rule) {
    return executor.execute(executor.actorOf(principal), new UpdateRuleCommand(ruleId, rule));
  }

  @Override
  public void deleteRule(Principal principal, String ruleId) {
    executor.execute(executor.actorOf(principal), new DeleteRuleCommand(ruleId));
  }

  @Override
  public AccessAnswer explain(
      Principal principal,
      @Nullable String userId,
      @Nullable String permission,
      @Nullable String resourceType,
      @Nullable String resourceId) {
    return executor.execute(
        executor.actorOf(principal),
        new ExplainCommand(userId, permission, resourceType, resourceId));
  }

  @Override
  public AccessAnswer check(
      Principal principal,
      @Nullable String permission,
      @Nullable String resourceType,
      @Nullable String resourceId) {
    return executor.execute(
        executor.actorOf(principal),
        new CheckPermissionCommand(permission, resourceType, resourceId));
  }

  @Override
  public List<AuthorizationRule> findRulesOfDeletedIds(Principal principal) {
    return executor.execute(executor.actorOf(principal), new FindRulesOfDeletedIdsCommand());
  }

  @Override
  public boolean administratorExists(Principal principal) {
    return executor.execute(executor.actorOf(principal), new AdministratorExistsCommand());
  }
}
