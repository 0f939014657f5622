package io.bulwark.engine.api;

/** Ascending or descending order of a query's sort key; ties are broken by id, ascending. */
public enum SortOrder {
  ASC,
  DESC
}
