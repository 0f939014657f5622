package io.bulwark.server.access;

import java.util.Optional;

/**
 * The service groups, mounted apart (W7). Each has its own path prefix, its own security filter
 * chain, its own switch and IP allowlist ({@link ServiceGroupSettings}).
 */
public enum ServiceGroup {
  /** Tasklist, Cockpit, Admin under {@code /app/**}; {@code /} redirects to {@code /app/}. */
  WEB_APPS("/app", "web"),
  /** The Camunda-compatible REST API under {@code /engine-rest/**}. */
  INTEGRATION_API("/engine-rest", "api"),
  /** Internal services (health, cluster) under {@code /internal/**}. */
  INTERNAL("/internal", "internal");

  private final String prefix;
  private final String settingKey;

  ServiceGroup(String prefix, String settingKey) {
    this.prefix = prefix;
    this.settingKey = settingKey;
  }

  /** The path prefix, without trailing slash, e.g. {@code /engine-rest}. */
  public String prefix() {
    return prefix;
  }

  /** The Spring Security path pattern of the group, e.g. {@code /engine-rest/**}. */
  public String pathPattern() {
    return prefix + "/**";
  }

  /** The key under {@code bulwark.service-groups.}, e.g. {@code api}. */
  public String settingKey() {
    return settingKey;
  }

  /** The group a path (without context path) belongs to; {@code /} belongs to the web apps. */
  public static Optional<ServiceGroup> of(String path) {
    if ("/".equals(path) || path == null || path.isEmpty()) {
      return Optional.of(WEB_APPS);
    }
    for (ServiceGroup group : values()) {
      if (path.equals(group.prefix) || path.startsWith(group.prefix + "/")) {
        return Optional.of(group);
      }
    }
    return Optional.empty();
  }
}
