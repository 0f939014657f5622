package io.bulwark.engine.command;

import java.util.List;

/**
 * A statement on rows the command has not read, whose update count is not checked, written with the
 * unit of work after its row changes, in registration order: the removal of every row of a table
 * whose column has a value (e.g. all variables of an ended instance; matching no row is fine), a
 * copy of rows into history ({@link UnitOfWork#copyAll}), or a guard that fails the flush when
 * something the command trusted from memory changed meanwhile ({@link UnitOfWork#guard}).
 *
 * @param sql the parameterized statement: from {@link TableStatements#deleteWhereSql} or a code
 *     constant (E5)
 * @param values its string parameters, in order
 */
record BulkStatement(String sql, List<String> values) {

  BulkStatement {
    values = List.copyOf(values);
    if (sql.chars().filter(c -> c == '?').count() != values.size()) {
      throw new IllegalArgumentException("placeholders and values differ: " + sql);
    }
  }

  /** A statement with one parameter. */
  BulkStatement(String sql, String value) {
    this(sql, List.of(value));
  }
}
