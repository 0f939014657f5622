package io.bulwark.engine.command;

/** A pending write of one row, recorded by the {@link UnitOfWork} and flushed at commit. */
public sealed interface RowChange<R> permits RowChange.Insert, RowChange.Update, RowChange.Delete {

  /** Revision value meaning "table is not versioned". */
  long UNVERSIONED = -1;

  RowWriter<R> writer();

  String id();

  /** A new row; versioned rows are inserted with {@code rev = 1}. */
  record Insert<R>(RowWriter<R> writer, R row) implements RowChange<R> {
    @Override
    public String id() {
      return writer.id(row);
    }
  }

  /** New values for an existing row that must still be at {@code expectedRev}. */
  record Update<R>(RowWriter<R> writer, R row, long expectedRev) implements RowChange<R> {
    @Override
    public String id() {
      return writer.id(row);
    }
  }

  /** Removal of a row that must still be at {@code expectedRev}. */
  record Delete<R>(RowWriter<R> writer, String id, long expectedRev) implements RowChange<R> {}
}
