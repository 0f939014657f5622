package io.bulwark.engine.command;

import java.util.List;
import java.util.function.Function;

/**
 * A {@link RowWriter} made of constant names and two functions; see {@link RowWriter#of}. Its
 * statements are derived once, at construction, not at every flush.
 */
final class FunctionRowWriter<R> implements RowWriter<R> {

  private final String table;
  private final Versioning versioning;
  private final Function<R, String> idFunction;
  private final List<String> columns;
  private final Function<R, List<Object>> valuesFunction;
  private final TableStatements statements;

  FunctionRowWriter(
      String table,
      Versioning versioning,
      Function<R, String> idFunction,
      List<String> columns,
      Function<R, List<Object>> valuesFunction) {
    this.table = table;
    this.versioning = versioning;
    this.idFunction = idFunction;
    this.columns = List.copyOf(columns);
    this.valuesFunction = valuesFunction;
    this.statements = TableStatements.of(table, columns, versioning);
  }

  @Override
  public String table() {
    return table;
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public Versioning versioning() {
    return versioning;
  }

  @Override
  public TableStatements statements() {
    return statements;
  }

  @Override
  public String id(R row) {
    return idFunction.apply(row);
  }

  @Override
  public List<Object> values(R row) {
    return valuesFunction.apply(row);
  }
}
