package io.bulwark.server.config;

/**
 * The operating profile (O2). {@link #PRODUCTION} refuses to start while {@code doctor} reports a
 * FAIL, unless the override {@code bulwark.allow-insecure-start} is set.
 */
public enum BulwarkProfile {
  DEV,
  TEST,
  PRODUCTION
}
