package io.bulwark.engine.api;

/** The kinds of identity whose IDs are registered and tombstoned on deletion (Z6). */
public enum IdentityKind {
  USER,
  GROUP,
  TENANT
}
