package io.bulwark.engine.command;

import java.util.List;
import java.util.function.Function;

/**
 * How one table's row records are written: the table, its data columns in bind order (without
 * {@code id} and {@code rev}), and the values of a row in that order. The plumbing derives the
 * parameterized statements from these constant names (E5), always with the revision check of {@link
 * Versioning#OPTIMISTIC} tables; see {@link TableStatements}. Implementations are stateless
 * singletons in their feature package.
 *
 * <p>Values may be {@code null}, {@link String}, {@link Long}, {@link Integer}, {@link Double},
 * {@link Boolean}, {@link java.time.Instant}, {@code byte[]} or an enum (written by name).
 */
public interface RowWriter<R> {

  /** The table name, a constant such as {@code bw_task}. */
  String table();

  /** Data columns in bind order, without {@code id} and {@code rev}. */
  List<String> columns();

  Versioning versioning();

  /** The insert, update and delete statements of {@link #table()}, derived once per writer. */
  TableStatements statements();

  /** The primary key ({@code id} column) of a row. */
  String id(R row);

  /** The row's values in {@link #columns()} order ({@code Arrays.asList} when some are null). */
  List<Object> values(R row);

  /**
   * A writer from constant names and two functions, for feature packages that describe their tables
   * declaratively.
   */
  static <R> RowWriter<R> of(
      String table,
      Versioning versioning,
      Function<R, String> id,
      List<String> columns,
      Function<R, List<Object>> values) {
    return new FunctionRowWriter<>(table, versioning, id, columns, values);
  }
}
