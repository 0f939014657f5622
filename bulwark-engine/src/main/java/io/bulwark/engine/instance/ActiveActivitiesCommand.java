package io.bulwark.engine.instance;

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

/** The activity ids where a running instance's executions are (sub-processes included), sorted. */
public final class ActiveActivitiesCommand implements Command<List<String>> {

  private final String instanceId;

  public ActiveActivitiesCommand(String instanceId) {
    this.instanceId = instanceId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.PROCESS_INSTANCE, Permission.READ, instanceId);
  }

  @Override
  public List<String> execute(CommandContext context) throws SQLException {
    try (PreparedStatement statement =
        context
            .connection()
            .prepareStatement(
                // A multi-instance body is not listed, only its runs (as in Camunda).
                "SELECT e.activity_id FROM bw_execution e WHERE e.process_instance_id = ?"
                    + " AND e.activity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bw_execution r"
                    + " WHERE r.parent_id = e.id AND r.activity_id = e.activity_id)"
                    + " ORDER BY e.activity_id")) {
      statement.setMaxRows(10_000);
      statement.setString(1, instanceId);
      try (ResultSet rs = statement.executeQuery()) {
        List<String> ids = new ArrayList<>();
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
        return ids;
      }
    }
  }
}
