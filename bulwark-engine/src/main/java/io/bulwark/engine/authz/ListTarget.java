package io.bulwark.engine.authz;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rows a list query restricts (Z2, Z3): their resource type and the columns the filter reads.
 * All column names are code constants of the query's shape, never input (E5).
 */
public sealed interface ListTarget permits ListTarget.Ids, ListTarget.Tasks, ListTarget.Instances {

  /** The resource type of the rows. */
  ResourceType type();

  /** The column holding each row's resource ID. */
  String idColumn();

  /**
   * Where each row's tenant is read (Z3), or null when the rows belong to no tenant (users, groups,
   * grants, tenants themselves).
   */
  @Nullable TenantOf tenant();

  /** The tenant of a row: a column of the row, or the tenant of the process instance it names. */
  record TenantOf(String column, boolean throughInstance) {
    public TenantOf {
      Columns.check(column);
    }

    /** The row's own {@code tenant_id} column. */
    public static TenantOf column(String column) {
      return new TenantOf(column, false);
    }

    /** The tenant of the process instance whose ID is in {@code instanceColumn}. */
    public static TenantOf ofInstance(String instanceColumn) {
      return new TenantOf(instanceColumn, true);
    }

    /** The SQL expression of the row's tenant ID. */
    String expression() {
      return throughInstance
          ? "(SELECT te.tenant_id FROM bw_execution te WHERE te.id = " + column + ")"
          : column;
    }
  }

  /** Rows visible through stored rules only, by their ID column. */
  static Ids ids(ResourceType type, String idColumn) {
    return new Ids(type, idColumn, null);
  }

  /** Rows visible through stored rules only, of a tenant or none (Z3). */
  static Ids ids(ResourceType type, String idColumn, TenantOf tenant) {
    return new Ids(type, idColumn, tenant);
  }

  /** Tasks of {@code bw_task} under {@code alias}; case security applies (Z3). */
  static Tasks tasks(String alias) {
    return new Tasks(alias);
  }

  /**
   * Process instances (runtime roots or history rows); case security applies (Z3).
   *
   * @param idColumn the instance ID
   * @param startedByColumn the user who started it
   * @param definitionKeyColumn its definition's key
   * @param tenantColumn its tenant
   */
  static Instances instances(
      String idColumn, String startedByColumn, String definitionKeyColumn, String tenantColumn) {
    return new Instances(idColumn, startedByColumn, definitionKeyColumn, tenantColumn);
  }

  /** See {@link ListTarget#ids}. */
  record Ids(ResourceType type, String idColumn, @Nullable TenantOf tenant) implements ListTarget {
    public Ids {
      Columns.check(idColumn);
    }
  }

  /** See {@link ListTarget#tasks}. */
  record Tasks(String alias) implements ListTarget {
    public Tasks {
      Columns.check(alias);
    }

    @Override
    public ResourceType type() {
      return ResourceType.TASK;
    }

    @Override
    public String idColumn() {
      return alias + ".id";
    }

    @Override
    public TenantOf tenant() {
      return TenantOf.column(alias + ".tenant_id");
    }

    /** The task's definition key column. */
    public String definitionKeyColumn() {
      return alias + ".process_definition_key";
    }
  }

  /** See {@link ListTarget#instances}. */
  record Instances(
      String idColumn, String startedByColumn, String definitionKeyColumn, String tenantColumn)
      implements ListTarget {
    public Instances {
      Columns.check(idColumn);
      Columns.check(startedByColumn);
      Columns.check(definitionKeyColumn);
      Columns.check(tenantColumn);
    }

    @Override
    public TenantOf tenant() {
      return TenantOf.column(tenantColumn);
    }

    @Override
    public ResourceType type() {
      return ResourceType.PROCESS_INSTANCE;
    }
  }

  /** Column names: {@code alias.column} or {@code column}, lower case. */
  final class Columns {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    private Columns() {}

    static void check(String name) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("not a column name: " + name);
      }
    }
  }
}
