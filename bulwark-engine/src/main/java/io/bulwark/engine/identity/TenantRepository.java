package io.bulwark.engine.identity;

import io.bulwark.engine.api.Tenant;
import io.bulwark.engine.command.QueryShape;
import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.SqlValues;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** Hand-written, parameterized SQL for tenants and their user and group members (E5). */
final class TenantRepository {

  private static final String COLUMNS = "t.id, t.name, t.created, t.revision";

  /** The tenant list (W8): sort keys are the API's {@code TenantQuery.Sort} names. */
  static final QueryShape SHAPE =
      QueryShape.of(
          "tenant", COLUMNS, "bw_tenant t", Map.of("ID", "t.id", "NAME", "t.name"), "t.id");

  static final RowMapper<Tenant> TENANT =
      rs ->
          new Tenant(
              rs.getString("id"),
              rs.getString("name"),
              SqlValues.requiredInstant(rs, "created"),
              rs.getLong("revision"));

  /** The member tables, each keyed by tenant and member ID. */
  enum Members {
    USERS("bw_tenant_user", "user_id"),
    GROUPS("bw_tenant_group", "group_id");

    private final String table;
    private final String column;

    Members(String table, String column) {
      this.table = table;
      this.column = column;
    }
  }

  private TenantRepository() {}

  static void insert(Connection c, Tenant tenant) throws SQLException {
    IdentitySql.update(
        c,
        "INSERT INTO bw_tenant (id, name, created, revision) VALUES (?, ?, ?, ?)",
        tenant.id(),
        tenant.name(),
        tenant.created(),
        tenant.revision());
  }

  static Optional<Tenant> find(Connection c, String tenantId) throws SQLException {
    return IdentitySql.first(
        c, TENANT, "SELECT " + COLUMNS + " FROM bw_tenant t WHERE t.id = ?", tenantId);
  }

  /** Renames; false when no such tenant. */
  static boolean rename(Connection c, String tenantId, String name) throws SQLException {
    return IdentitySql.update(
            c,
            "UPDATE bw_tenant SET name = ?, revision = revision + 1 WHERE id = ?",
            name,
            tenantId)
        == 1;
  }

  /** Deletes the tenant and its memberships; false when no such tenant. */
  static boolean delete(Connection c, String tenantId) throws SQLException {
    for (Members members : Members.values()) {
      IdentitySql.update(c, "DELETE FROM " + members.table + " WHERE tenant_id = ?", tenantId);
    }
    return IdentitySql.update(c, "DELETE FROM bw_tenant WHERE id = ?", tenantId) == 1;
  }

  /** Adds a member unless it is one. */
  static void addMember(Connection c, Members members, String tenantId, String memberId)
      throws SQLException {
    IdentitySql.update(
        c,
        "INSERT INTO "
            + members.table
            + " (tenant_id, "
            + members.column
            + ") SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM "
            + members.table
            + " WHERE tenant_id = ? AND "
            + members.column
            + " = ?)",
        tenantId,
        memberId,
        tenantId,
        memberId);
  }

  /** Removes a member; false when it was none. */
  static boolean removeMember(Connection c, Members members, String tenantId, String memberId)
      throws SQLException {
    return IdentitySql.update(
            c,
            "DELETE FROM " + members.table + " WHERE tenant_id = ? AND " + members.column + " = ?",
            tenantId,
            memberId)
        == 1;
  }
}
