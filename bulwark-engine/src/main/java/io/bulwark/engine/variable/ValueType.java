package io.bulwark.engine.variable;

import java.util.Locale;

/** The stored type of a variable, written by name in {@code bw_variable.value_type}. */
public enum ValueType {
  NULL,
  STRING,
  BOOLEAN,
  LONG,
  DOUBLE,
  DATE,
  JSON,
  BYTES;

  /** The lower-case name used in the REST API. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
