package io.bulwark.engine.form;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.bpmn.model.CamundaFormRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the Camunda Form a task or start event names (latest version of its id, the version
 * deployed with the process, a fixed version, or a resource of the process's deployment) and reads
 * it from its stored resource once per form definition. Form definitions never change, so the read
 * forms are cached by definition ID (dropped when the cache is full, which bounds it).
 */
public final class DeployedForms {

  static final int MAX_CACHED = 1_000;

  private final Map<String, DeployedForm> read = new ConcurrentHashMap<>();

  /**
   * The form {@code ref} names for a process deployed in {@code deploymentId}.
   *
   * @throws NotFoundException when no such form is deployed (any more)
   */
  public DeployedForm find(Connection connection, CamundaFormRef ref, String deploymentId)
      throws SQLException {
    String sql =
        "SELECT f.id, f.version, f.deployment_id, f.resource_name FROM bw_form_definition f WHERE ";
    Object first;
    Object second = null;
    if (ref.resourceName() != null) {
      sql += "f.resource_name = ? AND f.deployment_id = ?";
      first = ref.resourceName();
      second = deploymentId;
    } else {
      sql += "f.def_key = ?";
      first = ref.formId();
      switch (ref.binding()) {
        case DEPLOYMENT -> {
          sql += " AND f.deployment_id = ?";
          second = deploymentId;
        }
        case VERSION -> {
          sql += " AND f.version = ?";
          second = ref.version();
        }
        default -> {
          // latest
        }
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement(sql + " ORDER BY f.version DESC")) {
      statement.setMaxRows(1);
      statement.setObject(1, first);
      if (second != null) {
        statement.setObject(2, second);
      }
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException(ref.describe() + " is not deployed");
        }
        String id = rs.getString(1);
        DeployedForm cached = read.get(id);
        return cached != null
            ? cached
            : load(connection, id, rs.getInt(2), rs.getString(3), rs.getString(4));
      }
    }
  }

  private DeployedForm load(
      Connection connection, String id, int version, String deploymentId, String resource)
      throws SQLException {
    byte[] bytes;
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT bytes FROM bw_resource WHERE deployment_id = ? AND name = ?")) {
      statement.setString(1, deploymentId);
      statement.setString(2, resource);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("resource " + resource + " of form " + id + " is gone");
        }
        bytes = rs.getBytes(1);
      }
    }
    DeployedForm form =
        new DeployedForm(id, version, deploymentId, resource, CamundaFormReader.read(bytes));
    if (read.size() >= MAX_CACHED) {
      read.clear();
    }
    read.put(id, form);
    return form;
  }
}
