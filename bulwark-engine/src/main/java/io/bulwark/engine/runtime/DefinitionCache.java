package io.bulwark.engine.runtime;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.bpmn.ParsedDeployment;
import io.bulwark.engine.bpmn.reader.BpmnParser;
import io.bulwark.engine.command.UnitOfWork;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parsed process models by definition id, bounded (least recently used entries are dropped) so that
 * a server with many versions does not grow without limit. A definition is immutable once deployed,
 * so entries never go stale. Thread-safe.
 *
 * <p>It also remembers which definition is the latest version of a key, so that starting by key
 * needs no query of its own. That answer can go stale when another node sharing the database
 * deploys a newer version or deletes this one, so it is never trusted blindly: a start that uses it
 * adds a guard to its unit of work ({@link #STALE_GUARD}, written in the same round trip as the
 * start's rows), which fails the start when the remembered definition is no longer the latest; the
 * command executor then forgets it and runs the start again, which reads the latest version from
 * the database. So another node's deploy counts on the next start on every node, at the cost of one
 * failed attempt per node and deploy.
 */
public final class DefinitionCache {

  private static final String LOAD =
      "SELECT d.id, d.def_key, d.version, d.deployment_id, d.tenant_id, r.bytes"
          + " FROM bw_process_definition d JOIN bw_resource r"
          + " ON r.deployment_id = d.deployment_id AND r.name = d.resource_name WHERE d.id = ?";

  private static final String LATEST =
      "SELECT id FROM bw_process_definition WHERE def_key = ? AND %s ORDER BY version DESC";

  /** The latest version of a key in each tenant that deploys it (a start without tenant). */
  private static final String LATEST_OF_EACH_TENANT =
      "SELECT d.id FROM bw_process_definition d WHERE d.def_key = ? AND d.version ="
          + " (SELECT MAX(v.version) FROM bw_process_definition v"
          + " WHERE v.def_key = d.def_key AND v.tenant_id = d.tenant_id)";

  /**
   * Selects the remembered definition ID (the one parameter) into {@code bw_definition_guard},
   * whose check refuses every row (V165), only when it is no longer the latest version of its key
   * in its tenant (versions are numbered per key and tenant, V185).
   */
  static final String STALE_GUARD =
      "INSERT INTO bw_definition_guard (definition_id)"
          + " SELECT c.id FROM (SELECT CAST(? AS VARCHAR(64)) AS id) c WHERE NOT EXISTS ("
          + "SELECT 1 FROM bw_process_definition d WHERE d.id = c.id AND NOT EXISTS ("
          + "SELECT 1 FROM bw_process_definition n"
          + " WHERE n.def_key = d.def_key AND n.version > d.version AND (n.tenant_id = d.tenant_id"
          + " OR (n.tenant_id IS NULL AND d.tenant_id IS NULL))))";

  /** The latest version of a key in a tenant as this engine knows it. */
  private record Latest(String definitionId, int version) {}

  private final Map<String, DeployedProcess> entries;
  private final Map<String, Latest> latest;
  private final BpmnParser parser = new BpmnParser();
  private final ParseOptions options;

  public DefinitionCache(int maxEntries, ParseOptions options) {
    this.options = options;
    this.entries = bounded(maxEntries);
    this.latest = bounded(maxEntries);
  }

  private static <V> Map<String, V> bounded(int maxEntries) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
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

  /**
   * The latest version of a key in a tenant, or without tenant when {@code tenantId} is null: from
   * memory, guarded in {@code work} ({@link #STALE_GUARD}), when this engine knows it; else by one
   * query, in the command's transaction; {@link NotFoundException} if none is deployed. Without a
   * tenant and with no definition without tenant, the one tenant that deploys the key is taken (not
   * remembered, so a later definition without tenant counts); several tenants are a conflict.
   */
  public DeployedProcess latest(
      Connection connection, String key, @Nullable String tenantId, UnitOfWork work)
      throws SQLException {
    String slot = slot(key, tenantId);
    Latest known;
    synchronized (latest) {
      known = latest.get(slot);
    }
    if (known != null) {
      try {
        DeployedProcess process = get(connection, known.definitionId());
        work.guard(STALE_GUARD, known.definitionId(), () -> forget(slot, known));
        return process;
      } catch (NotFoundException deletedElsewhere) {
        forget(slot, known);
      }
    }
    List<String> ids =
        ids(
            connection,
            LATEST.formatted(tenantId == null ? "tenant_id IS NULL" : "tenant_id = ?"),
            1,
            tenantId == null ? new String[] {key} : new String[] {key, tenantId});
    if (ids.isEmpty() && tenantId == null) {
      List<String> perTenant = ids(connection, LATEST_OF_EACH_TENANT, 2, key);
      if (perTenant.size() > 1) {
        throw new ConflictException(
            "several tenants deploy process key " + key + "; name the tenant to start it");
      }
      if (perTenant.size() == 1) {
        return get(connection, perTenant.get(0));
      }
    }
    if (ids.isEmpty()) {
      throw new NotFoundException(
          "no process definition with key "
              + key
              + (tenantId == null ? "" : " in tenant " + tenantId));
    }
    DeployedProcess process = get(connection, ids.get(0));
    remember(process);
    return process;
  }

  private static List<String> ids(Connection connection, String sql, int max, String... values)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setMaxRows(max);
      for (int i = 0; i < values.length; i++) {
        statement.setString(i + 1, values[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        List<String> ids = new ArrayList<>();
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
        return ids;
      }
    }
  }

  /** Where the latest version of a key in a tenant is remembered. */
  private static String slot(String key, @Nullable String tenantId) {
    return tenantId == null ? key : key + '\u0000' + tenantId;
  }

  /**
   * Forgets deleted definitions and the latest versions of their keys, so that the next call reads
   * the database again. Other nodes forget a deleted latest version when its guard fails.
   */
  public void evict(java.util.Collection<String> definitionIds) {
    synchronized (entries) {
      definitionIds.forEach(entries::remove);
    }
    synchronized (latest) {
      latest.values().removeIf(known -> definitionIds.contains(known.definitionId()));
    }
  }

  /** Makes a definition deployed by this engine the latest of its key once its deploy committed. */
  public void deployed(DeployedProcess process) {
    put(process);
    remember(process);
  }

  /** Forgets the latest version remembered in {@code slot} if it is still {@code stale}. */
  private void forget(String slot, Latest stale) {
    synchronized (latest) {
      latest.remove(slot, stale);
    }
  }

  /** Keeps the newer of what is known and {@code process} (a slow reader must not win). */
  private void remember(DeployedProcess process) {
    Latest now = new Latest(process.definitionId(), process.version());
    String slot = slot(process.key(), process.tenantId());
    synchronized (latest) {
      Latest known = latest.get(slot);
      if (known == null || known.version() <= process.version()) {
        latest.put(slot, now);
      }
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
