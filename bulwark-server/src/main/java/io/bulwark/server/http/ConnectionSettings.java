package io.bulwark.server.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long connections may stay open and how many there may be (W6, E8), bound from {@code
 * bulwark.http.*}; a value out of bounds refuses to start.
 *
 * @param readTimeout a connection that sends nothing for this long while its request (line, headers
 *     or body) is being read is closed; also the limit for a TLS handshake; default 10 seconds, 1
 *     to 60 seconds
 * @param headerTimeout the request line and headers must arrive within this long from their first
 *     byte, however steadily they trickle in (slowloris), else the connection is closed; default 10
 *     seconds, 1 to 60 seconds
 * @param keepAliveTimeout an idle kept-alive connection is closed after this long; default 10
 *     seconds, 1 to 60 seconds
 * @param maxConnections connections the server holds at once; further ones wait in the operating
 *     system's backlog; default 2000, 10 to 100000
 * @param address the address to listen on (W7); default empty: loopback only, or every interface
 *     when a service group allows clients beyond loopback (see {@code access.ListenAddress})
 */
@ConfigurationProperties("bulwark.http")
public record ConnectionSettings(
    @DefaultValue("PT10S") Duration readTimeout,
    @DefaultValue("PT10S") Duration headerTimeout,
    @DefaultValue("PT10S") Duration keepAliveTimeout,
    @DefaultValue("2000") int maxConnections,
    @DefaultValue("") String address) {

  private static final Duration MIN = Duration.ofSeconds(1);
  private static final Duration MAX = Duration.ofSeconds(60);

  public ConnectionSettings {
    address = address == null ? "" : address.trim();
    check("read-timeout", readTimeout);
    check("header-timeout", headerTimeout);
    check("keep-alive-timeout", keepAliveTimeout);
    if (maxConnections < 10 || maxConnections > 100_000) {
      throw new IllegalArgumentException(
          "invalid bulwark.http.max-connections " + maxConnections + "; must be 10 to 100000");
    }
  }

  private static void check(String name, Duration value) {
    if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          "invalid bulwark.http." + name + " " + value + "; must be PT1S to PT60S (W6)");
    }
  }

  /** The defaults, for code and tests that run without Spring binding. */
  public static ConnectionSettings defaults() {
    return new ConnectionSettings(
        Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10), 2000, "");
  }
}
