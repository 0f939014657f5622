package io.bulwark.engine.runtime;

import io.bulwark.engine.api.ConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether a process definition is suspended, read from its row at every start (suspension changes
 * after deployment, so the definition cache does not hold it).
 */
final class DefinitionSuspensions {

  private DefinitionSuspensions() {}

  static boolean suspended(Connection connection, String definitionId) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT suspended FROM bw_process_definition WHERE id = ?")) {
      select.setString(1, definitionId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** Refuses to start an instance of a suspended definition: a conflict naming it. */
  static void requireActive(Connection connection, DeployedProcess process) throws SQLException {
    if (suspended(connection, process.definitionId())) {
      throw new ConflictException(
          "process definition "
              + process.definitionId()
              + " ("
              + process.key()
              + ") is suspended; activate it first");
    }
  }
}
