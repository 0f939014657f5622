package io.bulwark.engine.authz;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of the stored rules ({@code bw_authorization}, V70), on the command's connection, so that
 * a check reads the rules of the same transaction and is never stale (A10, Z2). Hand-written and
 * parameterized (E5); stateless.
 */
public final class GrantRepository {

  private static final String COLUMNS =
      "SELECT a.id, a.rule_type, a.user_id, a.group_id, a.resource_type, a.resource_id,"
          + " p.permission FROM bw_authorization a"
          + " JOIN bw_authorization_permission p ON p.authorization_id = a.id";

  private GrantRepository() {}

  /**
   * What to load: the rules about {@code permission} (or {@code ALL}) on {@code type}, on {@code
   * resourceId} and on all resources, or on any resource when {@code resourceId} is null.
   */
  public record Wanted(ResourceType type, Permission permission, @Nullable String resourceId) {}

  /** The rules of {@code subject} (its own, its groups', the global ones) wanted. One statement. */
  public static List<Grant> rulesOf(
      Connection connection, Subject subject, Collection<Wanted> wanted) throws SQLException {
    CaseSecurity.Sql where = where(subject, wanted);
    return read(connection, COLUMNS + " WHERE " + where.text(), where.values());
  }

  /**
   * The condition "{@link #rulesOf} finds none": for a statement that reads rows through a filter
   * compiled without rules ({@link PresumedFilter}) and must check, in its own snapshot, that there
   * are none.
   */
  static CaseSecurity.Sql noRulesOf(Subject subject, Collection<Wanted> wanted) {
    CaseSecurity.Sql where = where(subject, wanted);
    return new CaseSecurity.Sql(
        "NOT EXISTS (SELECT 1 FROM bw_authorization a JOIN bw_authorization_permission p"
            + " ON p.authorization_id = a.id WHERE "
            + where.text()
            + ")",
        where.values());
  }

  /** The WHERE clause of {@link #rulesOf}: the rules wanted, of the subject or global. */
  private static CaseSecurity.Sql where(Subject subject, Collection<Wanted> wanted) {
    StringBuilder sql = new StringBuilder("(");
    List<Object> values = new ArrayList<>();
    String or = "";
    for (Wanted want : wanted) {
      sql.append(or).append("(a.resource_type = ? AND p.permission IN (?, 'ALL')");
      values.add(want.type().name());
      values.add(want.permission().name());
      if (want.resourceId() != null) {
        sql.append(" AND a.resource_id IN (?, '*')");
        values.add(want.resourceId());
      }
      sql.append(')');
      or = " OR ";
    }
    sql.append(") AND (a.rule_type = 'GLOBAL' OR a.user_id = ?");
    values.add(subject.userId());
    if (!subject.groupIds().isEmpty()) {
      sql.append(" OR a.group_id IN (").append(marks(subject.groupIds().size())).append(')');
      values.addAll(subject.groupIds().stream().sorted().toList());
    }
    sql.append(')');
    return new CaseSecurity.Sql(sql.toString(), values);
  }

  /** The rule with that ID, or empty. */
  public static Optional<Grant> find(Connection connection, String id) throws SQLException {
    return read(connection, COLUMNS + " WHERE a.id = ?", List.of(id)).stream().findFirst();
  }

  /** Every rule on a resource type, ordered by ID (administration, explain). */
  public static List<Grant> onType(Connection connection, ResourceType type) throws SQLException {
    return read(connection, COLUMNS + " WHERE a.resource_type = ?", List.of(type.name()));
  }

  /** Every rule, ordered by ID (administration). */
  public static List<Grant> all(Connection connection) throws SQLException {
    return read(connection, COLUMNS, List.of());
  }

  /**
   * Deletes every rule given to or revoked from one user (Z6: a deleted ID's grants go with it);
   * their permissions go by the foreign key's cascade.
   *
   * @return how many rules were deleted
   */
  public static int deleteRulesOfUser(Connection connection, String userId) throws SQLException {
    return deleteWhere(connection, "user_id", userId);
  }

  /** Deletes every rule given to or revoked from one group (Z6); returns how many. */
  public static int deleteRulesOfGroup(Connection connection, String groupId) throws SQLException {
    return deleteWhere(connection, "group_id", groupId);
  }

  private static int deleteWhere(Connection connection, String column, String id)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM bw_authorization WHERE " + column + " = ?")) {
      delete.setString(1, id);
      return delete.executeUpdate();
    }
  }

  static String marks(int count) {
    return "?" + ", ?".repeat(count - 1);
  }

  private static List<Grant> read(Connection connection, String sql, List<?> values)
      throws SQLException {
    Map<String, Grant> byId = new LinkedHashMap<>();
    Map<String, Set<Permission>> permissions = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql + " ORDER BY a.id")) {
      for (int i = 0; i < values.size(); i++) {
        statement.setString(i + 1, (String) values.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String id = rows.getString(1);
          Permission permission = Permission.valueOf(rows.getString(7));
          if (!byId.containsKey(id)) {
            byId.put(
                id,
                new Grant(
                    id,
                    Grant.Type.valueOf(rows.getString(2)),
                    rows.getString(3),
                    rows.getString(4),
                    ResourceType.valueOf(rows.getString(5)),
                    rows.getString(6),
                    Set.of(permission)));
          }
          permissions.computeIfAbsent(id, k -> EnumSet.noneOf(Permission.class)).add(permission);
        }
      }
    }
    List<Grant> rules = new ArrayList<>();
    for (Grant rule : byId.values()) {
      rules.add(
          new Grant(
              rule.id(),
              rule.type(),
              rule.userId(),
              rule.groupId(),
              rule.resourceType(),
              rule.resourceId(),
              permissions.getOrDefault(rule.id(), Set.of())));
    }
    return rules;
  }
}
