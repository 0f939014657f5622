package io.bulwark.server.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the request firewall (W6), bound from {@code bulwark.http.*}. The defaults are the safe
 * values; a value that is not positive refuses to start, a value beyond the sane upper bounds below
 * starts but is a {@code doctor} FAIL (W6).
 *
 * @param maxHeaderBytes the largest request line plus headers Tomcat accepts, in bytes (16 KiB)
 * @param maxBodyBytes the largest request body, in bytes, by Content-Length and while streaming (10
 *     MiB)
 * @param maxParameters the most query and form parameters in one request (1000)
 */
@ConfigurationProperties("bulwark.http")
public record FirewallSettings(
    @DefaultValue("16384") int maxHeaderBytes,
    @DefaultValue("10485760") long maxBodyBytes,
    @DefaultValue("1000") int maxParameters) {

  /** Sane upper bound of {@link #maxHeaderBytes}: 64 KiB. */
  public static final int SANE_MAX_HEADER_BYTES = 64 * 1024;

  /** Sane upper bound of {@link #maxBodyBytes}: 100 MiB. */
  public static final long SANE_MAX_BODY_BYTES = 100L * 1024 * 1024;

  /** Sane upper bound of {@link #maxParameters}: 10000. */
  public static final int SANE_MAX_PARAMETERS = 10_000;

  /** Lower bound of {@link #maxHeaderBytes}: anything less breaks ordinary browsers. */
  public static final int MIN_HEADER_BYTES = 4096;

  public FirewallSettings {
    if (maxHeaderBytes < MIN_HEADER_BYTES) {
      throw new IllegalArgumentException(
          "invalid bulwark.http.max-header-bytes "
              + maxHeaderBytes
              + "; must be at least "
              + MIN_HEADER_BYTES);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException(
          "invalid bulwark.http.max-body-bytes " + maxBodyBytes + "; must be positive");
    }
    if (maxParameters < 1) {
      throw new IllegalArgumentException(
          "invalid bulwark.http.max-parameters " + maxParameters + "; must be positive");
    }
  }

  /** The defaults, for code and tests that run without Spring binding. */
  public static FirewallSettings defaults() {
    return new FirewallSettings(16384, 10L * 1024 * 1024, 1000);
  }
}
