package io.bulwark.testing.db;

/** The database products tests run on. */
public enum Vendor {
  H2,
  POSTGRESQL
}
