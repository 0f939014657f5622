package io.bulwark.engine.command;

/** Ascending or descending order of a list query. */
public enum SortDirection {
  ASC,
  DESC
}
