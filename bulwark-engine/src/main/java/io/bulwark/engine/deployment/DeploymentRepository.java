package io.bulwark.engine.deployment;

import io.bulwark.engine.api.DeploymentResult;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.SqlValues;
import io.bulwark.engine.runtime.ProcessRuntime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads deployments and definitions. */
final class DeploymentRepository {

  static final String DEFINITION_COLUMNS =
      "id, def_key, version, name, deployment_id, resource_name, tenant_id, suspended";

  /** Maps a row of {@link #DEFINITION_COLUMNS}. */
  static final RowMapper<ProcessDefinition> DEFINITION =
      rs ->
          new ProcessDefinition(
              rs.getString("id"),
              rs.getString("def_key"),
              rs.getInt("version"),
              rs.getString("name"),
              rs.getString("deployment_id"),
              rs.getString("resource_name"),
              rs.getString("tenant_id"),
              rs.getBoolean("suspended"));

  private final Connection connection;

  DeploymentRepository(Connection connection, @Nullable ProcessRuntime runtime) {
    this.connection = connection;
  }

  /** The latest deployment of {@code name} when its hash is {@code hash}, else null. */
  @Nullable DeploymentResult latestWithHash(String name, String hash, @Nullable String tenantId)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT id, content_hash, deployed_at FROM bw_deployment WHERE name = ? AND "
                + ofTenant("tenant_id", tenantId)
                + " ORDER BY deployed_at DESC, id DESC")) {
      statement.setMaxRows(1);
      statement.setString(1, name);
      if (tenantId != null) {
        statement.setString(2, tenantId);
      }
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next() || !hash.equals(rs.getString("content_hash"))) {
          return null;
        }
        String id = rs.getString("id");
        return new DeploymentResult(
            id,
            name,
            SqlValues.requiredInstant(rs, "deployed_at"),
            true,
            definitionsOf(id),
            List.of());
      }
    }
  }

  /** The condition "{@code column} is this tenant (one parameter) or, for null, none". */
  static String ofTenant(String column, @Nullable String tenantId) {
    return tenantId == null ? column + " IS NULL" : column + " = ?";
  }

  /** The latest version of a process key in one tenant, or without tenant (Z3); 0 if none. */
  int latestVersion(String key, @Nullable String tenantId) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT MAX(version) FROM bw_process_definition WHERE def_key = ? AND "
                + ofTenant("tenant_id", tenantId))) {
      statement.setString(1, key);
      if (tenantId != null) {
        statement.setString(2, tenantId);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  int latestDecisionVersion(String key) throws SQLException {
    return latestVersionIn("bw_decision_definition", key);
  }

  int latestFormVersion(String formId) throws SQLException {
    return latestVersionIn("bw_form_definition", formId);
  }

  boolean hasFormVersion(String formId, int version) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM bw_form_definition WHERE def_key = ? AND version = ?")) {
      statement.setString(1, formId);
      statement.setInt(2, version);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    }
  }

  private int latestVersionIn(String table, String key) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT MAX(version) FROM " + table + " WHERE def_key = ?")) {
      statement.setString(1, key);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  List<ProcessDefinition> definitionsOf(String deploymentId) throws SQLException {
    return list(
        "SELECT "
            + DEFINITION_COLUMNS
            + " FROM bw_process_definition WHERE deployment_id = ?"
            + " ORDER BY def_key",
        deploymentId);
  }

  ProcessDefinition byId(String id) throws SQLException {
    List<ProcessDefinition> found =
        list("SELECT " + DEFINITION_COLUMNS + " FROM bw_process_definition WHERE id = ?", id);
    if (found.isEmpty()) {
      throw new NotFoundException("process definition " + id + " does not exist");
    }
    return found.get(0);
  }

  ProcessDefinition latest(String key) throws SQLException {
    List<ProcessDefinition> found =
        list(
            "SELECT "
                + DEFINITION_COLUMNS
                + " FROM bw_process_definition WHERE def_key = ?"
                + " ORDER BY version DESC",
            key);
    if (found.isEmpty()) {
      throw new NotFoundException("no process definition with key " + key);
    }
    return found.get(0);
  }

  private List<ProcessDefinition> list(String sql, String parameter) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setMaxRows(1000);
      statement.setString(1, parameter);
      try (ResultSet rs = statement.executeQuery()) {
        List<ProcessDefinition> result = new ArrayList<>();
        while (rs.next()) {
          result.add(DEFINITION.map(rs));
        }
        return result;
      }
    }
  }
}
