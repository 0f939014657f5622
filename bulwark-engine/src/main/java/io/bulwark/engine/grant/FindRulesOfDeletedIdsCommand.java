package io.bulwark.engine.grant;

import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.authz.GrantRepository;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that name a deleted user or group (Z6): the engine deletes a user's or group's rules
 * with it and refuses new ones for its ID, so any such rule was written around the engine. At most
 * {@value #LIMIT}, for the hardening audit.
 */
public final class FindRulesOfDeletedIdsCommand implements Command<List<AuthorizationRule>> {

  static final int LIMIT = 100;

  private static final String ORPHANED =
      "SELECT a.id FROM bw_authorization a JOIN bw_identity_id d"
          + " ON (d.kind = 'USER' AND d.id = a.user_id) OR (d.kind = 'GROUP' AND d.id = a.group_id)"
          + " WHERE d.deleted IS NOT NULL ORDER BY a.id FETCH FIRST "
          + LIMIT
          + " ROWS ONLY";

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.AUTHORIZATION, Permission.READ, "*");
  }

  @Override
  public List<AuthorizationRule> execute(CommandContext context) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement orphaned = context.connection().prepareStatement(ORPHANED);
        ResultSet rows = orphaned.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    List<AuthorizationRule> rules = new ArrayList<>();
    for (String id : ids) {
      GrantRepository.find(context.connection(), id).map(RuleViews::view).ifPresent(rules::add);
    }
    return rules;
  }
}
