package io.bulwark.server.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cache of verified Basic credentials on the integration API ({@link BasicCredentialCache}),
 * bound from {@code bulwark.api.basic-cache.*}; a value out of bounds refuses to start.
 *
 * @param enabled {@code false} checks every Basic request with Argon2id again (slower, not weaker)
 * @param ttl how long a verified user ID and password are remembered; default 2 minutes, 1 second
 *     to 15 minutes. Every use still re-reads the user (A10)
 * @param maxEntries most credentials remembered at once; default 10000, 1 to 1000000
 */
@ConfigurationProperties("bulwark.api.basic-cache")
public record BasicCacheSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("PT2M") Duration ttl,
    @DefaultValue("10000") int maxEntries) {

  public BasicCacheSettings {
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(Duration.ofMinutes(15)) > 0) {
      throw new IllegalArgumentException(
          "invalid bulwark.api.basic-cache.ttl " + ttl + "; must be PT1S to PT15M (A10)");
    }
    if (maxEntries < 1 || maxEntries > 1_000_000) {
      throw new IllegalArgumentException(
          "invalid bulwark.api.basic-cache.max-entries " + maxEntries + "; must be 1 to 1000000");
    }
  }
}
