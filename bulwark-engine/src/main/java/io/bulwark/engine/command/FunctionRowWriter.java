package io.bulwark.engine.command;

import java.util.List;
import java.util.function.Function;

/** A {@link RowWriter} made of constant names and two functions; see {@link RowWriter#of}. */
record FunctionRowWriter<R>(
    String table,
    Versioning versioning,
    Function<R, String> idFunction,
    List<String> columns,
    Function<R, List<Object>> valuesFunction)
    implements RowWriter<R> {

  @Override
  public String id(R row) {
    return idFunction.apply(row);
  }

  @Override
  public List<Object> values(R row) {
    return valuesFunction.apply(row);
  }
}
