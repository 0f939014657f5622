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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed process models by definition id, bounded (least recently used entries are dropped) so that
 * a server with many versions does not grow without limit. A definition is immutable once deployed,
 * so entries never go stale. Thread-safe.
 *
 * <p>It also remembers which definition is the latest version of a key, so that starting by key
 * needs no query. That answer can go stale when another node sharing the database deploys a new
 * version; it is therefore re-read when it is older than {@link #LATEST_TTL} (a start by key on
 * this node uses a version deployed elsewhere at most that long after its commit). A deploy through
 * this engine replaces it as soon as it commits ({@link #deployed}).
 */
public final class DefinitionCache {

  private static final String LOAD =
      "SELECT d.id, d.def_key, d.version, d.deployment_id, d.tenant_id, r.bytes"
          + " FROM bw_process_definition d JOIN bw_resource r"
          + " ON r.deployment_id = d.deployment_id AND r.name = d.resource_name WHERE d.id = ?";

  /** How long the latest version of a key read from the database is used without re-reading. */
  public static final Duration LATEST_TTL = Duration.ofSeconds(2);

  private static final String LATEST =
      "SELECT id FROM bw_process_definition WHERE def_key = ? ORDER BY version DESC";

  /** The latest version of a key as known at {@code knownAt} ({@link System#nanoTime()}). */
  private record Latest(String definitionId, int version, long knownAt) {}

  private final Map<String, DeployedProcess> entries;
  private final Map<String, Latest> latest;
  private final long latestTtlNanos;
  private final BpmnParser parser = new BpmnParser();
  private final ParseOptions options;

  public DefinitionCache(int maxEntries, ParseOptions options) {
    this(maxEntries, options, LATEST_TTL);
  }

  /** A cache that trusts a latest version read from the database for {@code latestTtl}. */
  public DefinitionCache(int maxEntries, ParseOptions options, Duration latestTtl) {
    this.options = options;
    this.entries = bounded(maxEntries);
    this.latest = bounded(maxEntries);
    this.latestTtlNanos = latestTtl.toNanos();
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
   * The latest version of a key: from memory when this engine deployed it or read it less than the
   * TTL ago, else by one query; {@link NotFoundException} if none is deployed.
   */
  public DeployedProcess latest(Connection connection, String key) throws SQLException {
    Latest known;
    synchronized (latest) {
      known = latest.get(key);
    }
    if (known != null && System.nanoTime() - known.knownAt() < latestTtlNanos) {
      return get(connection, known.definitionId());
    }
    String id;
    try (PreparedStatement statement = connection.prepareStatement(LATEST)) {
      statement.setMaxRows(1);
      statement.setString(1, key);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("no process definition with key " + key);
        }
        id = rs.getString(1);
      }
    }
    DeployedProcess process = get(connection, id);
    remember(process);
    return process;
  }

  /**
   * Forgets deleted definitions and the latest versions of their keys, so that the next call reads
   * the database again. Other nodes forget a deleted latest version within {@link #LATEST_TTL}.
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

  /** Keeps the newer of what is known and {@code process} (a slow reader must not win). */
  private void remember(DeployedProcess process) {
    Latest now = new Latest(process.definitionId(), process.version(), System.nanoTime());
    synchronized (latest) {
      Latest known = latest.get(process.key());
      if (known == null || known.version() <= process.version()) {
        latest.put(process.key(), now);
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
