package io.bulwark.engine.command;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The insert, update and delete statements of one table, derived from a {@link RowWriter}'s
 * constant names. Every statement is parameterized (E5); updates and deletes of {@link
 * Versioning#OPTIMISTIC} tables match the expected revision and updates increment it.
 */
public record TableStatements(String insertSql, String updateSql, String deleteSql) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public static TableStatements of(RowWriter<?> writer) {
    return of(writer.table(), writer.columns(), writer.versioning());
  }

  static TableStatements of(String tableName, List<String> columnNames, Versioning versioning) {
    String table = identifier(tableName);
    List<String> columns = columnNames.stream().map(TableStatements::identifier).toList();
    boolean versioned = versioning == Versioning.OPTIMISTIC;
    String insertColumns = "id, " + String.join(", ", columns) + (versioned ? ", rev" : "");
    String marks = "?" + ", ?".repeat(columns.size() + (versioned ? 1 : 0));
    String sets = columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "));
    String where = versioned ? " WHERE id = ? AND rev = ?" : " WHERE id = ?";
    return new TableStatements(
        "INSERT INTO " + table + " (" + insertColumns + ") VALUES (" + marks + ")",
        "UPDATE " + table + " SET " + sets + (versioned ? ", rev = rev + 1" : "") + where,
        "DELETE FROM " + table + where);
  }

  /**
   * {@link #insertSql} for {@code rows} rows in one statement: {@code VALUES (…), (…)}, the same
   * parameters per row in the same order.
   */
  public String insertSql(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be at least 1: " + rows);
    }
    String row = insertSql.substring(insertSql.lastIndexOf(" VALUES ") + " VALUES ".length());
    return insertSql + (", " + row).repeat(rows - 1);
  }

  /** Deletes every row whose {@code column} (one of the writer's columns) equals a parameter. */
  public static String deleteWhereSql(RowWriter<?> writer, String column) {
    if (!writer.columns().contains(column)) {
      throw new IllegalArgumentException(column + " is not a column of " + writer.table());
    }
    return "DELETE FROM " + identifier(writer.table()) + " WHERE " + identifier(column) + " = ?";
  }

  private static String identifier(String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a lower-case SQL identifier: " + name);
    }
    return name;
  }
}
