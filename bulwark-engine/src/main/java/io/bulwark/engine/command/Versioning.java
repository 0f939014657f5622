package io.bulwark.engine.command;

/** Whether a table has a {@code rev} column for optimistic locking. */
public enum Versioning {
  /** A {@code rev BIGINT} column: inserted as 1, every update checks and increments it. */
  OPTIMISTIC,
  /** No revision: append-only history and link tables, changed by id alone. */
  NONE
}
