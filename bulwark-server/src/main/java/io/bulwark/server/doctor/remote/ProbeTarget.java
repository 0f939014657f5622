package io.bulwark.server.doctor.remote;

import io.bulwark.server.doctor.DoctorException;
import java.net.URI;
import java.util.Locale;

/**
 * The server to probe, from a URL such as {@code https://localhost:8443}.
 *
 * @param host the host name or address; only this host is contacted
 * @param port the HTTPS port
 */
public record ProbeTarget(String host, int port) {

  public ProbeTarget {
    if (host == null || host.isBlank()) {
      throw new DoctorException("missing host in remote URL");
    }
    if (port < 1 || port > 65535) {
      throw new DoctorException("invalid port " + port + "; must be 1-65535");
    }
  }

  /** Parses {@code https://host[:port]}; the port defaults to 443. */
  public static ProbeTarget parse(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new DoctorException("invalid remote URL '" + url + "'", e);
    }
    if (uri.getScheme() == null || !"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
      throw new DoctorException("remote URL must start with https:// (got '" + url + "')");
    }
    return new ProbeTarget(uri.getHost(), uri.getPort() == -1 ? 443 : uri.getPort());
  }

  /** The value of the {@code Host} header. */
  public String authority() {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return h + ":" + port;
  }
}
