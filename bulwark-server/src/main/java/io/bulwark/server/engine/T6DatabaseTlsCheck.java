package io.bulwark.server.engine;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Doctor check T6: how the server reaches its database, read from the configured JDBC URL that the
 * pool connects with. Embedded H2 and a PostgreSQL server on loopback pass; a PostgreSQL server
 * elsewhere passes only with {@code sslmode=verify-full}, warns with {@code verify-ca} (no host
 * name check) and fails without certificate verification (PgJDBC's default {@code prefer} accepts
 * any certificate, or none). Other databases are a WARN: their TLS options are not judged.
 */
@Component
public final class T6DatabaseTlsCheck implements LocalCheck {

  private static final String POSTGRESQL = "jdbc:postgresql:";

  private final DatabaseSettings settings;

  public T6DatabaseTlsCheck(DatabaseSettings settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return "T6";
  }

  @Override
  public Finding run() {
    if (!settings.external()) {
      return Finding.pass(id(), "embedded H2 in the data directory: no database connection");
    }
    String url = settings.url();
    String fix =
        "add sslmode=verify-full (and sslrootcert=<CA file> for a private CA) to"
            + " bulwark.database.url";
    if (!url.startsWith(POSTGRESQL)) {
      return Finding.warn(
          id(),
          "database URL " + driverOf(url) + ": its TLS settings are not judged",
          "make sure the driver verifies the database server's certificate and host name");
    }
    List<String> hosts = hosts(url);
    if (hosts.stream().allMatch(T6DatabaseTlsCheck::isLoopback)) {
      return Finding.pass(id(), "PostgreSQL on loopback " + hosts);
    }
    String sslmode = parameter(url, "sslmode");
    if (sslmode == null && "true".equals(parameter(url, "ssl"))) {
      sslmode = "verify-full"; // PgJDBC: ssl=true without sslmode verifies fully
    }
    String seen = "PostgreSQL at " + hosts + " with sslmode=" + (sslmode == null ? "" : sslmode);
    if ("verify-full".equals(sslmode)) {
      return Finding.pass(id(), seen + ": TLS with certificate and host name verified");
    }
    if ("verify-ca".equals(sslmode)) {
      return Finding.warn(id(), seen + ": the host name is not verified", fix);
    }
    return Finding.fail(
        id(),
        seen
            + (sslmode == null ? "(PgJDBC's default prefer)" : "")
            + ": the server's certificate is not verified",
        fix);
  }

  private static String driverOf(String url) {
    int colon = url.indexOf(':', "jdbc:".length());
    return colon < 0 ? url : url.substring(0, colon);
  }

  /** The hosts of {@code jdbc:postgresql://h1:p1,h2/db}; none given means localhost. */
  static List<String> hosts(String url) {
    String rest = url.substring(POSTGRESQL.length());
    if (!rest.startsWith("//")) {
      return List.of("localhost");
    }
    int end = rest.length();
    for (char stop : new char[] {'/', '?'}) {
      int at = rest.indexOf(stop, 2);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    String authority = rest.substring(2, end);
    if (authority.isEmpty()) {
      return List.of("localhost");
    }
    List<String> hosts = new ArrayList<>();
    for (String hostPort : authority.split(",", -1)) {
      if (!hostPort.isEmpty()) {
        hosts.add(hostOf(hostPort));
      }
    }
    return hosts;
  }

  private static String hostOf(String hostPort) {
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      return close < 0 ? hostPort : hostPort.substring(1, close);
    }
    int colon = hostPort.lastIndexOf(':');
    return colon < 0 ? hostPort : hostPort.substring(0, colon);
  }

  /** A query parameter of the URL, or null. */
  static @Nullable String parameter(String url, String name) {
    int query = url.indexOf('?');
    if (query < 0) {
      return null;
    }
    for (String pair : url.substring(query + 1).split("&", -1)) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equalsIgnoreCase(name)) {
        return pair.substring(equals + 1).toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** Loopback by literal only: a host name other than localhost is not resolved here. */
  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
