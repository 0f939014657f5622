package io.bulwark.engine.grant;

import io.bulwark.engine.api.AccessAnswer;
import io.bulwark.engine.authz.Decision;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Answers "may I do P on R?" for the acting principal, with the deciding rule (Z8): the decision
 * the actor's own call would get. Needs no permission, as it tells the actor only about itself.
 */
public final class CheckPermissionCommand implements Command<AccessAnswer> {

  private final Requirement.PermissionCheck check;

  public CheckPermissionCommand(
      @Nullable String permission, @Nullable String resourceType, @Nullable String resourceId) {
    this.check = RuleViews.check(permission, resourceType, resourceId);
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("answers only about the actor's own permissions (Z8)");
  }

  @Override
  public AccessAnswer execute(CommandContext context) throws SQLException {
    Actor actor = context.actor();
    if (actor.kind() != Actor.Kind.USER) {
      return new AccessAnswer(
          true, actor.kind() + " " + actor.userId() + " is granted every check");
    }
    Decision decision = context.explain(actor.subject(), check);
    return RuleViews.answer(context.connection(), decision);
  }
}
