package io.bulwark.engine.authz;

import java.util.regex.Pattern;

/**
 * The rows a list query restricts (Z2, Z3): their resource type and the columns the filter reads.
 * All column names are code constants of the query's shape, never input (E5).
 */
public sealed interface ListTarget permits ListTarget.Ids, ListTarget.Tasks, ListTarget.Instances {

  /** The resource type of the rows. */
  ResourceType type();

  /** The column holding each row's resource ID. */
  String idColumn();

  /** Rows visible through stored rules only, by their ID column. */
  static Ids ids(ResourceType type, String idColumn) {
    return new Ids(type, idColumn);
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
   */
  static Instances instances(String idColumn, String startedByColumn, String definitionKeyColumn) {
    return new Instances(idColumn, startedByColumn, definitionKeyColumn);
  }

  /** See {@link ListTarget#ids}. */
  record Ids(ResourceType type, String idColumn) implements ListTarget {
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

    /** The task's definition key column. */
    public String definitionKeyColumn() {
      return alias + ".process_definition_key";
    }
  }

  /** See {@link ListTarget#instances}. */
  record Instances(String idColumn, String startedByColumn, String definitionKeyColumn)
      implements ListTarget {
    public Instances {
      Columns.check(idColumn);
      Columns.check(startedByColumn);
      Columns.check(definitionKeyColumn);
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
