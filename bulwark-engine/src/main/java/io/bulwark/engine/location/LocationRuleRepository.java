package io.bulwark.engine.location;

import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.api.LocationRuleSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the location rules (Z4, E5): the ordered rows of {@code bw_location_rule} and the one
 * version row of {@code bw_location_rule_set}. Stateless.
 */
final class LocationRuleRepository {

  private static final String VERSION = "SELECT version FROM bw_location_rule_set WHERE id = 1";

  /** Raising the version takes the row's lock: concurrent changes of the rules queue up here. */
  private static final String RAISE_VERSION =
      "UPDATE bw_location_rule_set SET version = version + 1 WHERE id = 1";

  private static final String RULES =
      "SELECT id, rule_order, pattern, effect, who FROM bw_location_rule ORDER BY rule_order";

  private static final String DELETE_ALL = "DELETE FROM bw_location_rule";

  private static final String INSERT =
      "INSERT INTO bw_location_rule (id, rule_order, pattern, effect, who) VALUES (?, ?, ?, ?, ?)";

  private LocationRuleRepository() {}

  /** The rule set, unless its version is {@code knownVersion}. */
  static Optional<LocationRuleSet> ifChanged(Connection c, long knownVersion) throws SQLException {
    long version;
    try (PreparedStatement read = c.prepareStatement(VERSION);
        ResultSet row = read.executeQuery()) {
      version = row.next() ? row.getLong(1) : 0;
    }
    return version == knownVersion
        ? Optional.empty()
        : Optional.of(new LocationRuleSet(version, rules(c)));
  }

  /** The rules in order. */
  static List<LocationRule> rules(Connection c) throws SQLException {
    List<LocationRule> rules = new ArrayList<>();
    try (PreparedStatement read = c.prepareStatement(RULES);
        ResultSet rows = read.executeQuery()) {
      while (rows.next()) {
        rules.add(
            new LocationRule(
                rows.getString(1),
                rows.getInt(2),
                rows.getString(3),
                LocationRule.Effect.valueOf(rows.getString(4)),
                rows.getString(5)));
      }
    }
    return rules;
  }

  /** Locks the rule set for this transaction's change and raises its version. */
  static void lockAndRaiseVersion(Connection c) throws SQLException {
    try (PreparedStatement raise = c.prepareStatement(RAISE_VERSION)) {
      raise.executeUpdate();
    }
  }

  /** Replaces every stored rule by {@code rules}, numbered by their place in the list. */
  static List<LocationRule> replaceAll(Connection c, List<LocationRule> rules) throws SQLException {
    List<LocationRule> numbered = new ArrayList<>(rules.size());
    try (PreparedStatement delete = c.prepareStatement(DELETE_ALL)) {
      delete.executeUpdate();
    }
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      for (LocationRule rule : rules) {
        LocationRule placed =
            new LocationRule(
                rule.id(), numbered.size(), rule.pattern(), rule.effect(), rule.principal());
        insert.setString(1, placed.id());
        insert.setInt(2, placed.position());
        insert.setString(3, placed.pattern());
        insert.setString(4, placed.effect().name());
        insert.setString(5, placed.principal());
        insert.addBatch();
        numbered.add(placed);
      }
      if (!numbered.isEmpty()) {
        insert.executeBatch();
      }
    }
    return numbered;
  }
}
