package io.bulwark.engine.runtime;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.bpmn.ParsedDeployment;
import io.bulwark.engine.bpmn.reader.BpmnParser;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed process models by definition id, bounded (least recently used entries are dropped) so that
 * a server with many versions does not grow without limit. A definition is immutable once deployed,
 * so entries never go stale. Thread-safe.
 */
public final class DefinitionCache {

  private static final String LOAD =
      "SELECT d.id, d.def_key, d.version, d.deployment_id, d.tenant_id, r.bytes"
          + " FROM bw_process_definition d JOIN bw_resource r"
          + " ON r.deployment_id = d.deployment_id AND r.name = d.resource_name WHERE d.id = ?";

  private final Map<String, DeployedProcess> entries;
  private final BpmnParser parser = new BpmnParser();
  private final ParseOptions options;

  public DefinitionCache(int maxEntries, ParseOptions options) {
    this.options = options;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, DeployedProcess> eldest) {
            return size() > maxEntries;
          }
        };
  }

  public ParseOptions options() {
    return options;
  }

  /** The definition with this id, parsed once; {@link NotFoundException} if it does not exist. */
  public DeployedProcess get(Connection connection, String definitionId) throws SQLException {
    synchronized (entries) {
      DeployedProcess cached = entries.get(definitionId);
      if (cached != null) {
        return cached;
      }
    }
    DeployedProcess loaded = load(connection, definitionId);
    put(loaded);
    return loaded;
  }

  /** Adds a definition parsed at deployment. */
  public void put(DeployedProcess process) {
    synchronized (entries) {
      entries.put(process.definitionId(), process);
    }
  }

  private DeployedProcess load(Connection connection, String definitionId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(LOAD)) {
      statement.setString(1, definitionId);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("process definition " + definitionId + " does not exist");
        }
        String key = rs.getString("def_key");
        ParsedDeployment parsed =
            parser.parse(new ByteArrayInputStream(rs.getBytes("bytes")), options);
        return new DeployedProcess(
            definitionId,
            key,
            rs.getInt("version"),
            rs.getString("deployment_id"),
            rs.getString("tenant_id"),
            parsed.process(key),
            parsed);
      }
    }
  }
}
