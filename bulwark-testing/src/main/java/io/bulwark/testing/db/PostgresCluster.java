package io.bulwark.testing.db;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One throwaway PostgreSQL cluster per JVM, started on first use on a free loopback port, with
 * password authentication (random password) and no Unix socket. Durability is off (fsync): it is
 * for tests only. When the JVM runs as root, the cluster runs as user {@code postgres} (or {@code
 * nobody}) through {@code runuser}, because PostgreSQL refuses to run as root. A shutdown hook
 * stops it ({@code pg_ctl stop -m immediate}) and deletes its directory. Thread-safe.
 */
public final class PostgresCluster {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresCluster.class);
  private static final String SUPERUSER = "bulwark";

  private static volatile @Nullable PostgresCluster shared;
  private static @Nullable IllegalStateException startFailure;

  private final Path base;
  private final Path bin;
  private final @Nullable String runAs;
  private final int port;
  private final String password;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresCluster(Path base, Path bin, @Nullable String runAs, int port, String password) {
    this.base = base;
    this.bin = bin;
    this.runAs = runAs;
    this.port = port;
    this.password = password;
  }

  /**
   * The cluster of this JVM, started on the first call.
   *
   * @throws IllegalStateException saying why PostgreSQL could not start (again on every call)
   */
  // The failure is kept on purpose: every later test fails fast with the first start's cause.
  @SuppressWarnings("StaticAssignmentOfThrowable")
  public static PostgresCluster shared() {
    PostgresCluster cluster = shared;
    if (cluster != null) {
      return cluster;
    }
    synchronized (PostgresCluster.class) {
      cluster = shared;
      if (cluster == null) {
        if (startFailure != null) {
          throw new IllegalStateException("PostgreSQL failed to start earlier", startFailure);
        }
        try {
          cluster = start();
        } catch (RuntimeException e) {
          IllegalStateException failure =
              new IllegalStateException("cannot start test PostgreSQL: " + e, e);
          startFailure = failure;
          throw failure;
        }
        shared = cluster;
      }
      return cluster;
    }
  }

  public int port() {
    return port;
  }

  /** The superuser's connection to the {@code postgres} maintenance database. */
  public TestDatabase maintenanceDatabase() {
    return database("postgres");
  }

  /** Creates a new, empty database owned by the superuser. */
  public TestDatabase createDatabase() {
    String name = "test_" + databases.incrementAndGet();
    try (Connection c =
            DriverManager.getConnection(maintenanceDatabase().jdbcUrl(), SUPERUSER, password);
        Statement statement = c.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return database(name);
  }

  private TestDatabase database(String name) {
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    return new TestDatabase(Vendor.POSTGRESQL, url, SUPERUSER, password);
  }

  private static PostgresCluster start() {
    try {
      Path base = Files.createTempDirectory("bulwark-pg-");
      Path bin = PostgresBinaries.locate(base);
      String runAs = isRoot() ? unprivilegedUser() : null;
      String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
      Files.writeString(base.resolve("pwfile"), password + "\n", StandardCharsets.UTF_8);
      if (runAs != null) {
        Processes.run(
            null, base.resolve("chown.log"), List.of("chown", "-R", runAs, base.toString()));
      }
      PostgresCluster cluster = new PostgresCluster(base, bin, runAs, freePort(), password);
      cluster.initAndStart();
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopAndDelete, "bulwark-pg-stop"));
      LOG.info("test PostgreSQL started from {} on 127.0.0.1:{}", bin, cluster.port);
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void initAndStart() throws IOException {
    Path data = base.resolve("data");
    Processes.run(
        runAs,
        base.resolve("initdb.log"),
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            SUPERUSER,
            "--pwfile=" + base.resolve("pwfile"),
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"));
    String settings =
        String.join(
            "\n",
            "",
            "listen_addresses = '127.0.0.1'",
            "port = " + port,
            "unix_socket_directories = ''",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            "shared_buffers = 32MB",
            "max_connections = 300",
            "");
    Files.writeString(data.resolve("postgresql.conf"), settings, StandardOpenOption.APPEND);
    try {
      Processes.run(runAs, base.resolve("pg_ctl-start.log"), pgCtl("-w", "-t", "60", "start"));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(e.getMessage() + "\nserver log:\n" + serverLog(), e);
    }
  }

  private List<String> pgCtl(String... args) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                base.resolve("data").toString(),
                "-l",
                base.resolve("postgres.log").toString()));
    command.addAll(List.of(args));
    return command;
  }

  private String serverLog() {
    try {
      return Files.readString(base.resolve("postgres.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no server log: " + e.getMessage() + ")";
    }
  }

  private void stopAndDelete() {
    try {
      Processes.run(runAs, base.resolve("pg_ctl-stop.log"), pgCtl("-m", "immediate", "stop"));
    } catch (RuntimeException e) {
      LOG.warn("could not stop test PostgreSQL: {}", e.getMessage());
    }
    try (Stream<Path> files = Files.walk(base)) {
      for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", base, e.getMessage());
    }
  }

  private static boolean isRoot() {
    return new UnixSystem().getUid() == 0;
  }

  private static String unprivilegedUser() {
    return userExists("postgres") ? "postgres" : "nobody";
  }

  private static boolean userExists(String user) {
    try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
      return lines.anyMatch(line -> line.startsWith(user + ":"));
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
